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
