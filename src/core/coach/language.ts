/**
 * The language of a chat message, so the offline coach (which answers in English) can say so, and a
 * provider can be asked to answer in the owner's language. Function-word profiles tell the common
 * Latin-script languages apart; a message mostly in another script is `other`.
 */
import { LANGUAGES, type LanguageCode } from './request-types.ts';

/** Chat messages are capped at this length; detection reads no further. */
const MAX_CHARS = 4000;

const STOP_WORDS: Record<Exclude<LanguageCode, 'other'>, readonly string[]> = {
  en: 'the a an and is are to of for with my our we i you how why what do does can it this that in on be not me us your they have should would could please about from will more some any who which when there their'.split(
    ' ',
  ),
  fr: "le la les des du un une et est pour pas que qui dans sur avec mon ma mes notre nos vous je nous ce cette comment pourquoi quoi faire très mais ou au aux sont être j'ai c'est il elle ils leur peux pouvez merci bonjour ne après".split(
    ' ',
  ),
  es: 'el la los las de del y que en un una es por para con mi mis nuestra nuestro nuestros cómo como qué porque pero muy más son está estoy tengo puedes hola gracias lo se su sus yo algo necesito'.split(
    ' ',
  ),
  de: 'der die das und ist nicht ich wir sie ein eine einen mit für auf zu den dem mein meine unser unsere unseren wie warum was kann können bitte danke hallo auch aber oder sind haben habe soll du mir'.split(
    ' ',
  ),
  pt: 'o os a as de do da dos das e é que em um uma para com não meu minha nossa nosso como porque mas muito são está você vocês obrigado obrigada olá isso eu posso fazer lembrarem sei por onde'.split(
    ' ',
  ),
  it: 'il lo la gli le di del della e è che un una per con non mio mia nostro nostra come perché ma molto sono ciao grazie questo questa io ci mi si puoi'.split(
    ' ',
  ),
  nl: 'de het een en van niet ik wij mijn onze ons hoe waarom wat voor met op te dat die zijn kan kunnen maar ook alsjeblieft bedankt hallo graag na komen beter laten'.split(
    ' ',
  ),
};

/** A greeting or thanks alone says which language the owner writes in. */
const ONE_WORD: Record<string, Exclude<LanguageCode, 'en' | 'other'>> = {
  bonjour: 'fr',
  merci: 'fr',
  salut: 'fr',
  hola: 'es',
  gracias: 'es',
  danke: 'de',
  obrigado: 'pt',
  obrigada: 'pt',
  grazie: 'it',
  ciao: 'it',
  bedankt: 'nl',
};

/** Letters only a few languages use: a small nudge, never enough alone. */
const MARKS: readonly [RegExp, Exclude<LanguageCode, 'en' | 'other'>][] = [
  [/[ñ¿¡]/g, 'es'],
  [/[ßäöü]/g, 'de'],
  [/[ãõ]/g, 'pt'],
  [/[çœêèà]/g, 'fr'],
  [/[òù]/g, 'it'],
];

const ENGLISH = new Set(STOP_WORDS.en);

/**
 * The language of a message: English unless another language's function words clearly outnumber
 * English ones, or most letters are in a non-Latin script. Foreign brand names inside an English
 * message ("Le Petit Jardin") do not tip it.
 */
export function detectLanguage(message: string): LanguageCode {
  const sample = message.slice(0, MAX_CHARS).normalize('NFC').toLowerCase();
  const letters = sample.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 'en';
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin / letters.length < 0.5) return 'other';
  const tokens = sample.replace(/[’‘]/g, "'").match(/[\p{L}']+/gu) ?? [];
  if (tokens.length === 1) {
    const only = ONE_WORD[tokens[0] ?? ''];
    if (only) return only;
  }
  const english = tokens.filter((token) => ENGLISH.has(token)).length;
  let best: { language: LanguageCode; score: number } = { language: 'en', score: 0 };
  for (const language of LANGUAGES) {
    if (language === 'en' || language === 'other') continue;
    // Words both languages share ("a", "me", "is") decide nothing.
    const words = new Set(STOP_WORDS[language].filter((word) => !ENGLISH.has(word)));
    let score = tokens.filter((token) => words.has(token) || ONE_WORD[token] === language).length;
    for (const [marks, owner] of MARKS)
      if (owner === language) score += 0.5 * Math.min(2, sample.match(marks)?.length ?? 0);
    if (score > best.score) best = { language, score };
  }
  const enough = best.score >= 2 && best.score > english * 1.5 && best.score >= tokens.length * 0.2;
  return enough ? best.language : 'en';
}
