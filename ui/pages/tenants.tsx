import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function TenantsPage(_props: PageProps) {
  return <Section title="Tenants">{null}</Section>;
}
