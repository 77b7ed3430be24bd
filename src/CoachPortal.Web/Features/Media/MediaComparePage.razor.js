// Two clips that step and play together. Frame stepping, the frame counter and the skeleton overlay are the pose
// page's; only the pairing lives here.
import { attach, detach, follow, framesPerSecond, showFrame, step } from './MediaPosePage.razor.js';

let pair = null;

export async function init(sides) {
  const videos = sides.map(s => s.video);
  await Promise.all(sides.map(s => attach(s.video, s.canvas, s.mediaId, s.fps, s.counter, false)));
  const onKey = e => {
    if (e.target?.closest?.('input, textarea, select, [contenteditable=true]') || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    if (e.key === ',' || e.key === '.') {
      e.preventDefault();
      stepBoth(e.key === ',' ? -1 : 1);
    }
  };
  document.addEventListener('keydown', onKey);
  pair = { videos, onKey };
}

// Shows the event's frame; the left clip's frame moves the chart's cursor, in seconds from its event.
export function align(video, frame, drivesChart) {
  follow(video, drivesChart ? 'clip-compare' : '', frame / framesPerSecond(video));
  return showFrame(video, frame);
}

export function stepBoth(frames) {
  return Promise.all(pair.videos.map(v => step(v, frames)));
}

export function toggleBoth() {
  if (pair.videos.every(v => v.paused)) {
    pair.videos.forEach(v => v.play());
  } else {
    pair.videos.forEach(v => v.pause());
  }
}

export function dispose() {
  if (pair) {
    document.removeEventListener('keydown', pair.onKey);
    pair.videos.forEach(detach);
    pair = null;
  }
}
