"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { SandboxCustomerAction } from "@/lib/views/sandbox";

type Send = (action: SandboxCustomerAction) => void;

// A place to share, filled in so the tour needs no typing (WhatsApp shares the phone's own position).
const SAMPLE_PLACE = { latitude: "-23.561414", longitude: "-46.655881", name: "MASP", address: "Av. Paulista, 1578" };

/** The customer shares a location: coordinates, and optionally a place's name and address. */
export function LocationForm({ busy, onSend, onCancel }: { busy: boolean; onSend: Send; onCancel: () => void }) {
  const [place, setPlace] = useState(SAMPLE_PLACE);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof place) => (event: { target: { value: string } }) =>
    setPlace((current) => ({ ...current, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const latitude = Number(place.latitude);
    const longitude = Number(place.longitude);
    if (place.latitude.trim() === "" || !Number.isFinite(latitude) || Math.abs(latitude) > 90) {
      return setError("Latitude is a number from -90 to 90.");
    }
    if (place.longitude.trim() === "" || !Number.isFinite(longitude) || Math.abs(longitude) > 180) {
      return setError("Longitude is a number from -180 to 180.");
    }
    setError(null);
    onSend({ type: "location", latitude, longitude, name: place.name.trim(), address: place.address.trim() });
  };

  return (
    <AttachForm
      title="Share a location"
      error={error}
      busy={busy}
      submitLabel="Send location"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="grid grid-cols-2 gap-2">
        <Field
          label="Latitude"
          inputMode="decimal"
          value={place.latitude}
          onChange={set("latitude")}
          autoFocus
          required
        />
        <Field label="Longitude" inputMode="decimal" value={place.longitude} onChange={set("longitude")} required />
      </div>
      <Field label="Place name" value={place.name} onChange={set("name")} maxLength={200} />
      <Field label="Address" value={place.address} onChange={set("address")} maxLength={500} />
    </AttachForm>
  );
}

/** The customer shares a contact card: a name and a phone number. */
export function ContactForm({ busy, onSend, onCancel }: { busy: boolean; onSend: Send; onCancel: () => void }) {
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError("Enter the contact's name.");
    if (phone.replace(/\D/g, "").length < 6 || !/^\+?[\d\s().-]+$/.test(phone.trim())) {
      return setError("Enter a phone number: digits, optionally with + and spaces.");
    }
    setError(null);
    onSend({ type: "contacts", name: name.trim(), phone: phone.trim() });
  };

  return (
    <AttachForm
      title="Share a contact"
      error={error}
      busy={busy}
      submitLabel="Send contact"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label="Name" value={name} onChange={(event) => setName(event.target.value)} maxLength={200} autoFocus />
      <Field
        label="Phone"
        type="tel"
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        placeholder="+1 555 010 0199"
        maxLength={30}
      />
    </AttachForm>
  );
}

function AttachForm({
  title,
  error,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  return (
    <form
      onSubmit={onSubmit}
      aria-label={title}
      noValidate
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      className="mb-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2"
    >
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      {children}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
