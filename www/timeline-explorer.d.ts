// Types for `timeline-explorer/element`: importing it registers <timeline-explorer>.
import type { TimelineHandle } from './timeline_explorer.js';

/** `<timeline-explorer src state lang height theme url-prefix>`; a child
 *  `<script type="application/json">` (or `type="text/csv"` for a sheet) may hold the dataset
 *  inline. A dataset may be a sheet (CSV) wherever it is given. */
export declare class TimelineExplorerElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The mounted widget's handle (`setState`, `getState`, `on`), or null while the module loads. */
  readonly handle: TimelineHandle | null;
}

export interface TimelineSelectDetail {
  /** The selected event's id, or "" when the detail panel closes. */
  id: string;
}

export interface TimelineChangeDetail {
  /** The view's new canonical query string (the shareable URL's form). */
  state: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'timeline-explorer': TimelineExplorerElement;
  }
  interface HTMLElementEventMap {
    'timeline-select': CustomEvent<TimelineSelectDetail>;
    'timeline-change': CustomEvent<TimelineChangeDetail>;
  }
}
