/**
 * What every notebook element takes: the language it speaks (`lang="en"`, Chinese by default),
 * and `T(zh, en)` to say a thing in it.
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import { L, type Lang } from '../lib/format';

export class LangElement extends LitElement {
  static override properties: PropertyDeclarations = { lang: {} };
  override lang: Lang = 'zh';

  protected T(zh: string, en: string): string {
    return L(this.lang, zh, en);
  }
}
