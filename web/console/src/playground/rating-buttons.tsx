import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { Rating } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useAction } from '../hooks/use-action.js';

/** Thumbs up or down for one answer; the choice shows as pressed once the server has it. */
export function RatingButtons({ chatbotId, messageId, initial = null }: { chatbotId: string; messageId: string; initial?: Rating | null }) {
  const [rating, setRating] = useState<Rating | null>(initial);
  const rate = useAction(async (chosen: Rating) => {
    await api.conversations.rate(chatbotId, messageId, chosen);
    setRating(chosen);
  });
  return (
    <div class="rating" role="group" aria-label="Rate this answer">
      <button type="button" class="button button-ghost" aria-pressed={rating === 'up'} onClick={() => void rate.run('up')}>
        Helpful
      </button>
      <button type="button" class="button button-ghost" aria-pressed={rating === 'down'} onClick={() => void rate.run('down')}>
        Not helpful
      </button>
      <ErrorNotice error={rate.error} missingFeature="Ratings are not available on this server yet." />
    </div>
  );
}
