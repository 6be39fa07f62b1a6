import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function RolesPage(_props: PageProps) {
  return <Section title="Roles">{null}</Section>;
}
