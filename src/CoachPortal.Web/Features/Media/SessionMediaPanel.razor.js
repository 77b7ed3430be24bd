// Draws a clip's first frame on a canvas and posts it as the poster; the server checks and re-encodes it.
export async function postPoster(mediaId) {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.src = `/media/${mediaId}/content`;
  try {
    await new Promise((resolve, reject) => {
      video.addEventListener('loadeddata', resolve, { once: true });
      video.addEventListener('error', reject, { once: true });
    });
    video.currentTime = Math.min(0.1, (video.duration || 1) / 2);
    await new Promise(resolve => video.addEventListener('seeked', resolve, { once: true }));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    await fetch(`/media/${mediaId}/poster?width=${video.videoWidth}&height=${video.videoHeight}`, {
      method: 'POST', body: blob, headers: { 'Content-Type': 'image/jpeg' }, credentials: 'same-origin',
    });
  } catch {
    // A format this browser cannot decode keeps the generic icon.
  } finally {
    video.removeAttribute('src');
    video.load();
  }
}
