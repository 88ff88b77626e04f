package dev.cyclebreaker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure only one redis-server ever writes a data folder's append-only file. A file lock,
 * held by the JVM that owns the server, refuses a second live owner; a pidfile finds the server
 * orphaned by an owner that crashed (its lock died with it), which is then stopped.
 */
final class DataDirGuard {

    static final String PID_FILE = "redis-server.pid";
    static final String LOCK_FILE = "redis-server.lock";

    private static final Logger log = LoggerFactory.getLogger(DataDirGuard.class);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirGuard(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirGuard acquire(Path dir, Duration stopTimeout) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("redis data folder " + dir + " is in use by another running redis-server owner: stop it first");
            }
            DataDirGuard guard = new DataDirGuard(dir, channel, lock);
            guard.stopOrphan(stopTimeout);
            return guard;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock redis data folder " + dir, e);
        }
    }

    void recordPid(long pid) {
        Path pidFile = dir.resolve(PID_FILE);
        Path temp = dir.resolve(PID_FILE + ".tmp");
        try {
            Files.writeString(temp, pid + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile, e);
        }
    }

    void release() {
        try {
            Files.deleteIfExists(dir.resolve(PID_FILE));
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn("Could not release redis data folder {}: {}", dir, e.toString());
        }
    }

    private void stopOrphan(Duration stopTimeout) throws IOException {
        Optional<ProcessHandle> orphan = readPid(dir.resolve(PID_FILE))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(DataDirGuard::isRedisServer);
        if (orphan.isPresent()) {
            log.warn("Stopping redis-server pid {} left running on {} by an earlier run", orphan.get().pid(), dir);
            RedisServerProcess.terminate(orphan.get(), stopTimeout);
        }
        Files.deleteIfExists(dir.resolve(PID_FILE));
    }

    /**
     * A pid is reused by the OS after its process dies: only ever stop a redis-server. On Linux the
     * process name is the reliable sign (Debian's redis-server is a symlink to redis-check-rdb).
     */
    static boolean isRedisServer(ProcessHandle process) {
        Path comm = Path.of("/proc", Long.toString(process.pid()), "comm");
        if (Files.isReadable(comm)) {
            try {
                return Files.readString(comm, StandardCharsets.UTF_8).startsWith("redis-server");
            } catch (IOException e) {
                return false; // it exited meanwhile
            }
        }
        ProcessHandle.Info info = process.info();
        return info.commandLine().or(info::command).map(line -> line.contains("redis-server")).orElse(false);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }
}
