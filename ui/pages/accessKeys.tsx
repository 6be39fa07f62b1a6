import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function AccessKeysPage(_props: PageProps) {
  return <Section title="Access keys">{null}</Section>;
}
