import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function AuditPage(_props: PageProps) {
  return <Section title="Audit">{null}</Section>;
}
