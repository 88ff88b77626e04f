package dev.cyclebreaker.sharing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.function.Function;

/**
 * Result cards rendered once per distinct {@link CardKey} and kept, bounded by their total bytes,
 * plus the Telegram {@code file_id} of each card once it has been uploaded, so later sends reuse the
 * upload instead of sending the picture again.
 *
 * <p>The {@code file_id} memory is per process for now. It should move to Redis (keyed by
 * {@link CardKey#stableId()}) so that every instance and every restart reuses one upload.
 */
public final class ResultCards {
    /** Enough file ids for every card in two languages (101 x 101 x 2), each well under 200 bytes. */
    static final long MAX_FILE_IDS = 25_000;

    private final Function<CardKey, byte[]> render;
    private final Cache<CardKey, byte[]> pngs;
    private final Cache<CardKey, String> fileIds;

    /**
     * @param maxBytes the most PNG bytes to keep; a card is about 60 KB, so 16 MB holds some 270
     */
    public ResultCards(ResultCardRenderer renderer, long maxBytes) {
        this(oneAtATime(key -> renderer.render(key.profile(), key.text())), maxBytes, MAX_FILE_IDS);
    }

    /**
     * Draws one card at a time: a render holds a full-size image, the font rasteriser's native
     * buffers and the PNG encoder's, and thirty-two workers drawing at once pushed the process
     * past 400 MB. A card takes milliseconds; the others wait their turn.
     */
    static Function<CardKey, byte[]> oneAtATime(Function<CardKey, byte[]> render) {
        Object lock = new Object();
        return key -> {
            synchronized (lock) {
                return render.apply(key);
            }
        };
    }

    ResultCards(Function<CardKey, byte[]> render, long maxBytes, long maxFileIds) {
        if (maxBytes <= 0 || maxFileIds <= 0) {
            throw new IllegalArgumentException("cache bounds must be positive: " + maxBytes + ", " + maxFileIds);
        }
        this.render = render;
        // Eviction runs on the calling thread: it is cheap, and tests then see it without waiting.
        this.pngs = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((CardKey k, byte[] png) -> png.length)
                .executor(Runnable::run)
                .build();
        this.fileIds = Caffeine.newBuilder().maximumSize(maxFileIds).executor(Runnable::run).build();
    }

    /**
     * The card as PNG, rendered at most once per key while it stays cached (concurrent callers for
     * the same key wait for the one render). The array is shared: callers must not modify it.
     */
    public byte[] png(CardKey key) {
        return pngs.get(key, render);
    }

    /** The {@code file_id} Telegram gave this card's first upload, if this process has seen one. */
    public Optional<String> fileId(CardKey key) {
        return Optional.ofNullable(fileIds.getIfPresent(key));
    }

    public void rememberFileId(CardKey key, String fileId) {
        if (fileId == null || fileId.isBlank()) {
            throw new IllegalArgumentException("file_id is blank for card " + key.stableId());
        }
        fileIds.put(key, fileId);
    }

    /** For when Telegram rejects a remembered {@code file_id}: the next send uploads the bytes again. */
    public void forgetFileId(CardKey key) {
        fileIds.invalidate(key);
    }

    /** Cards cached now, after pending evictions; for tests. */
    long cachedCards() {
        pngs.cleanUp();
        return pngs.estimatedSize();
    }
}
