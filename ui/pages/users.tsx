import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function UsersPage(_props: PageProps) {
  return <Section title="Users">{null}</Section>;
}
