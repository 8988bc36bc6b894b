// Instant filtering on the interventies overview (gka theme). Without JavaScript the overview
// links every term page (/themas/…, /leeftijden/…, /onderwijs/…, /erkenning/…), which are real
// pages. With it, this script reveals a form of drop-downs and hides the cards that do not
// match every choice. Each card lists the term pages it is on in `data-facetten`, so the
// age-range overlap rule is the build's, not repeated here.
'use strict';

const form = document.querySelector('form[data-filter]');
const cards = Array.from(document.querySelectorAll('main .cards .card'));
if (form && cards.length > 0) {
  const status = form.querySelector('.filter-form__status');
  const selects = Array.from(form.querySelectorAll('select'));
  const apply = () => {
    const wanted = selects.map((select) => select.value).filter(Boolean);
    let shown = 0;
    cards.forEach((card) => {
      const facets = (card.dataset.facetten || '').split(' ');
      const match = wanted.every((value) => facets.includes(value));
      card.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = wanted.length === 0
      ? ''
      : `${shown} van de ${cards.length} interventies`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
}
