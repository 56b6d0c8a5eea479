// The compact chips under an assistant message, one per tool call.
import type { ToolCall } from '../api/schemas';
import { describeToolCall } from '../lib/tool-chip';
import { Icon } from './Icon';

/** Renders a turn's tool calls as chips ("Added #12 Buy milk"). */
export function ToolChips({ calls }: { calls: readonly ToolCall[] }) {
  if (calls.length === 0) return null;
  return (
    <ul className="chips" aria-label="Actions taken">
      {calls.map((call, index) => {
        const chip = describeToolCall(call);
        return (
          <li key={index} className={`chip chip--${chip.tone}`} data-testid="tool-chip" data-tool={call.name}>
            {chip.tone === 'change' && <Icon name="check" />}
            <span>{chip.label}</span>
          </li>
        );
      })}
    </ul>
  );
}
