import referenceDepartment from '../../samples/reference-department.roles.yaml';
import blank from '../templates/blank.roles.yaml';

/** A starting point for a new protocol, offered by "New role protocol". */
export interface Template {
  id: 'reference' | 'blank';
  label: string;
  detail: string;
  text: string;
}

/** The templates, bundled into the extension as text (no file is read at run time). */
export const templates: readonly Template[] = [
  {
    id: 'reference',
    label: 'Reference department (Ethos, dosimetrist-led)',
    detail:
      'The complete reference protocol: radiographers adapt OARs, band 7+ dosimetrists edit targets and select the plan, the MPE agrees and approves the dose check.',
    text: referenceDepartment,
  },
  {
    id: 'blank',
    label: 'Blank protocol',
    detail: 'The required sections only: format, document control, one role, one workflow step and an empty training matrix.',
    text: blank,
  },
];
