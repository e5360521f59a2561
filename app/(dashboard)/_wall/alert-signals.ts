'use client';

// A sound and a browser notification for new alerts, each switched on by the user (off by default) and
// remembered in this browser. The beep is synthesized (WebAudio), so there is no asset to load.
import { useCallback, useSyncExternalStore } from 'react';
import type { AlertLevel } from '../../../lib/rules/rule';
import { domainLabel, LEVEL_NAMES } from '../../../lib/alerts/labels';
import type { WallSignal } from './use-alert-wall';

export type PreferenceKey = 'sound' | 'notify';
const STORAGE_KEYS: Record<PreferenceKey, string> = { sound: 'dw.wall.sound', notify: 'dw.wall.notify' };

// switches flipped in this tab; the 'storage' event brings those of other tabs
const localListeners = new Set<() => void>();

function subscribePreference(listener: () => void): () => void {
  localListeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    localListeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function readPreference(key: PreferenceKey): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEYS[key]) === '1';
  } catch {
    // storage disabled: the switch starts off
    return false;
  }
}

/** A switch remembered in localStorage (and shared by this browser's tabs); off on the server. */
export function useWallPreference(key: PreferenceKey): [boolean, (value: boolean) => void] {
  const value = useSyncExternalStore(subscribePreference, () => readPreference(key), () => false);
  const set = useCallback(
    (next: boolean) => {
      try {
        window.localStorage.setItem(STORAGE_KEYS[key], next ? '1' : '0');
      } catch {
        // not remembered: nothing to switch then
      }
      for (const notify of localListeners) notify();
    },
    [key],
  );
  return [value, set];
}

let audio: AudioContext | null = null;

/** Call from the click that switches the sound on: browsers start audio only after a user gesture. */
export function unlockAudio(): boolean {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    return true;
  } catch {
    return false;
  }
}

const TONES: Record<AlertLevel, { hz: number; beeps: number }> = {
  yellow: { hz: 660, beeps: 1 },
  orange: { hz: 740, beeps: 2 },
  red: { hz: 880, beeps: 3 },
};

let lastBeepAt = 0;
const MIN_BEEP_GAP_MS = 1_500;

export function playBeep(level: AlertLevel): void {
  const now = Date.now();
  // a burst of alerts is one sound, not a siren
  if (!audio || now - lastBeepAt < MIN_BEEP_GAP_MS) return;
  lastBeepAt = now;
  const { hz, beeps } = TONES[level];
  const start = audio.currentTime + 0.02;
  for (let i = 0; i < beeps; i += 1) {
    const at = start + i * 0.22;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.18);
  }
}

const canNotify = () => typeof window !== 'undefined' && 'Notification' in window;

/** Asks for permission (from a click); true when notifications may be shown. */
export async function requestNotifyPermission(): Promise<boolean> {
  if (!canNotify()) return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

let recentNotifications: number[] = [];
const NOTIFY_WINDOW_MS = 10_000;
const NOTIFY_MAX_IN_WINDOW = 3;

/** Shown only while the wall is out of sight (another tab or window has the focus): in sight, the row flashes. */
export function showNotification({ alert, kind }: WallSignal): void {
  if (!canNotify() || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const now = Date.now();
  recentNotifications = recentNotifications.filter((at) => now - at < NOTIFY_WINDOW_MS);
  // beyond a few in a row, one summary replaces the rest (the same tag replaces the notification)
  const isBurst = recentNotifications.length >= NOTIFY_MAX_IN_WINDOW;
  recentNotifications.push(now);
  const title = isBurst
    ? '政务公开监督：多条新预警'
    : `${kind === 'escalated' ? '预警升级' : '新预警'}｜${LEVEL_NAMES[alert.level]}`;
  const body = isBurst
    ? `最近 10 秒内有 ${recentNotifications.length} 条预警，请查看监督总览`
    : `${alert.departmentName} · ${domainLabel(alert.domain)}\n${alert.message}`;
  try {
    const notification = new Notification(title, { body, tag: isBurst ? 'dw-wall-burst' : `dw-alert-${alert.id}`, lang: 'zh-CN' });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // some browsers allow notifications only from a service worker: the sound and the highlight remain
  }
}
