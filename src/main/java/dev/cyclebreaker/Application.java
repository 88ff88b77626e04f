package dev.cyclebreaker;

import dev.cyclebreaker.config.BotConfig;
import dev.cyclebreaker.config.ConfigException;
import dev.cyclebreaker.config.ConfigInitializer;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Entry point: read the environment once, then start Spring with the validated configuration. */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        BotConfig config;
        try {
            config = BotConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            start(config, args);
        } catch (RuntimeException e) {
            // Spring Boot has already reported it (one line for the failures we understand).
            System.exit(1);
        }
    }

    /** Starts the bot with a given configuration; tests use this to start and stop it in-process. */
    public static ConfigurableApplicationContext start(BotConfig config, String... args) {
        return start(config, Clock.systemUTC(), args);
    }

    /**
     * @param clock the time the app's one {@code Clock} bean starts from (the sandbox adds its
     *     skip-ahead offset on top); tests pass a clock they move instead of sleeping
     */
    public static ConfigurableApplicationContext start(BotConfig config, Clock clock, String... args) {
        SpringApplication app = new SpringApplication(Application.class);
        app.addInitializers(new ConfigInitializer(config, clock));
        return app.run(args);
    }
}
