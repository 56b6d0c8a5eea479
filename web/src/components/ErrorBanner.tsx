// A visible failure with a way forward: never a silent error.
import { Icon } from './Icon';

interface ErrorBannerProps {
  readonly message: string;
  readonly onRetry?: (() => void) | undefined;
  readonly onDismiss?: (() => void) | undefined;
  readonly testId: string;
}

/** Shows an error with Retry (and Dismiss) buttons; announced to screen readers. */
export function ErrorBanner({ message, onRetry, onDismiss, testId }: ErrorBannerProps) {
  return (
    <div className="banner" role="alert" data-testid={testId}>
      <p className="banner__text">{message}</p>
      <div className="banner__actions">
        {onRetry && (
          <button type="button" className="button button--small" onClick={onRetry} data-testid={`${testId}-retry`}>
            Retry
          </button>
        )}
        {onDismiss && (
          <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss">
            <Icon name="close" />
          </button>
        )}
      </div>
    </div>
  );
}
