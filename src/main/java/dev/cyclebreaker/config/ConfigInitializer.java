package dev.cyclebreaker.config;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Hands the validated {@link BotConfig} to Spring before anything is built: as a bean, and as the
 * web server's settings. {@link BotConfig} wins over any other source for the port, so that the one
 * validated value (0 in tests: any free port) is the one used.
 */
public final class ConfigInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final String BEAN = "botConfig";

    private final BotConfig config;
    private final Clock baseClock;

    public ConfigInitializer(BotConfig config, Clock baseClock) {
        this.config = config;
        this.baseClock = baseClock;
    }

    /** The time the app's {@code Clock} bean is built on; a holder, so that bean stays the only Clock. */
    record BaseClock(Clock clock) {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton(BEAN, config);
        context.getBeanFactory().registerSingleton("baseClock", new BaseClock(baseClock));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource("botConfig", Map.of("server.port", config.serverPort())));
        if (config.sandbox()) {
            // The sandbox lets whoever reaches it act as any of its users: only this machine, unless
            // SERVER_ADDRESS says otherwise.
            sources.addLast(new MapPropertySource("sandboxDefaults", Map.of("server.address", "127.0.0.1")));
        }
    }
}
