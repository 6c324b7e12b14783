"use client";

import { Component, type ErrorInfo, type ReactNode } from "react";

type Props = {
  /** What failed, as the analyst knows it: "map" gives "The map failed: …". */
  label: string;
  children: ReactNode;
  /** Called with each caught error (e.g. for logging); the boundary logs to the console itself. */
  onError?: (error: Error, info: ErrorInfo) => void;
};

type State = { error: Error | null; attempt: number };

/**
 * Keeps a failing part of the page (the map) from taking the rest down: its error is shown in its
 * place with a button that mounts it afresh. Only render-time errors reach a boundary; a component
 * whose async work fails must hand the error to render (e.g. set it in state and throw it).
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`[briefmap] the ${this.props.label} failed:`, error);
    this.props.onError?.(error, info);
  }

  private retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  render(): ReactNode {
    const { error, attempt } = this.state;
    if (error) {
      const label = this.props.label;
      return (
        <div role="alert" data-testid="error-boundary" data-label={label} style={{ padding: "1rem", display: "grid", gap: "0.5rem", alignContent: "start" }}>
          <p style={{ margin: 0 }}>
            The {label} failed: {error.message || "an unexpected error"}.
          </p>
          <p style={{ margin: 0 }}>The rest of the page still works.</p>
          <button type="button" onClick={this.retry} style={{ justifySelf: "start" }}>
            Reload the {label}
          </button>
        </div>
      );
    }
    // A new key after "Reload" mounts the children afresh instead of reusing their broken state.
    return <ErrorBoundaryChildren key={attempt}>{this.props.children}</ErrorBoundaryChildren>;
  }
}

function ErrorBoundaryChildren({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
