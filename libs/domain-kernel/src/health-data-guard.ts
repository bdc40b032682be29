/** One broken rule of one field, as the services' 400/422 bodies name it. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/**
 * Secret médical: no diagnosis, treatment or test result may be stored or sent (DOMAIN.md).
 * Free text is where it slips in, so words that only a medical statement uses are refused and
 * the officer is pointed to the care-continuity flag. A guard against slips, not a classifier.
 */
const MEDICAL_TERMS = [
  'diagnos', 'pathologi', 'médicament', 'medicament', 'psychiatr', 'schizophr', 'bipolaire',
  'psychose', 'dépression', 'depression', 'vih', 'sida', 'séropositi', 'seropositi', 'hépatite', 'hepatite', 'cancer',
  'diabète', 'diabete', 'méthadone', 'methadone', 'subutex', 'buprénorphine', 'buprenorphine', 'neuroleptique',
  'antidépresseur', 'antidepresseur', 'chimiothérapie', 'chimiotherapie', 'dialyse', 'tuberculose',
];
const WORD = /[\p{L}]+/gu;

export function medicalTermIn(text: string): string | undefined {
  const lower = text.toLowerCase();
  const words = lower.match(WORD) ?? [];
  return MEDICAL_TERMS.find((term) => words.some((word) => word.startsWith(term))) ?? MEDICAL_PHRASES.find((phrase) => phrase.test(lower))?.source;
}

/** "Sous traitement", "traitement médical": the word alone also means the handling of a file. */
const MEDICAL_PHRASES = [/sous\s+traitement/u, /traitement\s+(médical|medical|psych|substitut)/u, /ordonnance\s+(médicale|medicale)/u];

export function healthDataViolation(field: string, text: string): FieldViolation | undefined {
  const term = medicalTermIn(text);
  if (!term) return undefined;
  return {
    field,
    rule: 'noHealthData',
    message: `${field} must not contain medical information (found "${term}"): use the care-continuity flag, never a diagnosis or a treatment`,
  };
}
