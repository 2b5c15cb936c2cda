/** The notebook's entry: one custom element, <lr-app>, which reads the view from the URL. */
import './components/lr-app';
