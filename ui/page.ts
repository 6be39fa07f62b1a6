import type { ComponentType } from 'preact';
import type { Project } from './api';
import type { Route } from './route';

/** What every page is given: the project it shows (the projects page gets the default one) and the route. */
export interface PageProps {
  project: Project;
  projects: Project[];
  /** Loads the projects' list and counts again, after a change that moves them. */
  reloadProjects: () => void;
  route: Route;
}

export interface PageDef {
  id: string;
  title: string;
  component: ComponentType<PageProps>;
}
