"use client";

import { useEffect, useEffectEvent, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";

const DEBOUNCE_MS = 400;

/**
 * A server's answer to words being typed (智能分类 at the console, the citizen form's hint): asked
 * once the typing pauses and only while `enough` has been typed; an answer to earlier words that
 * arrives late is dropped. A failed request changes nothing: the answer helps, it never blocks.
 */
export function useAnswerToWords<W extends Record<string, string>, T>(
  words: W,
  enough: boolean,
  ask: (words: W) => Promise<ActionResult<T>>,
  onAnswer?: (answer: T) => void,
): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  // The words as one value, so the request is re-sent when any of them changes and not otherwise.
  const key = JSON.stringify(words);
  const request = useEffectEvent((sent: W) => ask(sent));
  const answered = useEffectEvent((data: T) => {
    setAnswer(data);
    onAnswer?.(data);
  });

  useEffect(() => {
    if (!enough) return;
    let current = true;
    const timer = setTimeout(() => {
      request(JSON.parse(key) as W)
        .then((result) => {
          if (current && result.ok) answered(result.data);
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [enough, key]);

  return enough ? answer : null;
}
