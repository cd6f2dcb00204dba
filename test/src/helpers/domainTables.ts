/**
 * The training matrix of the reference department exactly as DOMAIN.md
 * writes it: the golden text every renderer and the server must reproduce.
 */
export const DOMAIN_TRAINING_MATRIX = `| Role | Skill | Method | Record |
|---|---|---|---|
| Adapter | OAR outlining | ProKnow Contouring Tool | ProKnow log and certificates |
| Advanced adapter | Target outlining | ProKnow Contouring Tool, 1:1 with CCOs | Reflective training logs |
| Adapter and Advanced Adapter | DIR evaluation | Tutorial | Certificate |
| Advanced adapter, MPE | Plan selection | Training program for plan checking plus experience of at least 2 years | Plan Checking training records |
| Advanced adapter, MPE | Mobius approval | Training program | Training records |
`;

/** The document-control block of the reference department, label and value, as every export writes it. */
export const REFERENCE_DOCUMENT_CONTROL: [string, string][] = [
  ['Title', 'Online adaptive radiotherapy on Ethos - roles and training'],
  ['Document id', 'oart-ethos-roles'],
  ['Version', '1.2'],
  ['Status', 'Approved'],
  ['Owner', 'Head of Radiotherapy Physics'],
  ['Effective date', '2026-03-01'],
  ['Review due', '2028-02-28'],
];
