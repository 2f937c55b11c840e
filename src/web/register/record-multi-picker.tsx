import { PickedList, RecordCombobox, type PickedRecord } from './record-combobox.js';

interface Props {
  org: string;
  /** entity of the records offered (`evidence`, `interested_party`) */
  entity: string;
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  value: PickedRecord[];
  onChange: (next: PickedRecord[]) => void;
  /** at most this many (the API's limit): the search is disabled once reached */
  max?: number;
  disabled?: boolean;
}

/**
 * Several records of one register, picked one at a time by typeahead and listed below with a remove button each:
 * for bodies that take a list of ids (a result's evidence, a communication's interested parties).
 */
export function RecordMultiPicker({ org, entity, label, help, error, value, onChange, max, disabled }: Props) {
  const full = max !== undefined && value.length >= max;
  return (
    <div className="record-multi">
      <RecordCombobox
        org={org}
        entity={entity}
        label={label}
        help={help}
        error={error}
        exclude={value.map((r) => r.id)}
        disabled={disabled || full}
        onPick={(r) => onChange([...value, r])}
      />
      <PickedList
        items={value}
        label={label}
        disabled={disabled}
        onRemove={(id) => onChange(value.filter((r) => r.id !== id))}
      />
    </div>
  );
}
