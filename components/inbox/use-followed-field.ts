"use client";

import { useState } from "react";

/**
 * A field that follows the server's value (a colleague's change arrives live) unless this agent
 * has edited it since: their text is never overwritten while they type.
 */
export function useFollowedField(server: string): [string, (value: string) => void] {
  const [value, setValue] = useState(server);
  const [base, setBase] = useState(server);
  if (server !== base) {
    setBase(server);
    if (value === base) setValue(server);
  }
  return [value, setValue];
}
