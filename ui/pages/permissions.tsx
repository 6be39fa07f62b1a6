import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function PermissionsPage(_props: PageProps) {
  return <Section title="Permissions">{null}</Section>;
}
