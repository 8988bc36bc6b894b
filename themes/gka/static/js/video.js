// Click-to-load video (gka theme). A page with a video shows a link to it; this script adds a
// button, and only when the visitor presses it does the page insert the player's <iframe>, so
// nothing is loaded from the video host before the visitor asks for it. Without JavaScript the
// link is all there is, and it works.
'use strict';

document.querySelectorAll('.video[data-video-src]').forEach((box) => {
  const consent = box.querySelector('.video__consent');
  const button = box.querySelector('.video__button');
  if (!consent || !button) return;
  consent.hidden = false;
  button.addEventListener('click', () => {
    const frame = document.createElement('iframe');
    frame.className = 'video__frame';
    frame.src = box.dataset.videoSrc;
    frame.title = `Video: ${box.dataset.videoTitle}`;
    frame.allow = 'fullscreen; picture-in-picture; encrypted-media';
    frame.allowFullscreen = true;
    // Players such as YouTube's refuse to play without knowing the embedding site's origin.
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    const player = document.createElement('div');
    player.className = 'video__player';
    player.append(frame);
    consent.replaceWith(player);
    // Keyboard and screen-reader users land on the player they asked for.
    frame.focus();
  });
});
