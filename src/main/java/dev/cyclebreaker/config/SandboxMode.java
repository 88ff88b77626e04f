package dev.cyclebreaker.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when the configuration has no token: the local sandbox runs instead of Telegram. */
final class SandboxMode implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var beans = context.getBeanFactory();
        return beans != null && beans.containsSingleton(ConfigInitializer.BEAN)
                && beans.getBean(ConfigInitializer.BEAN, BotConfig.class).sandbox();
    }
}
