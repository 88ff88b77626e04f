package dev.cyclebreaker.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Conditions on how updates arrive: long polling (also the sandbox) or Telegram's webhook. */
final class BotModes {
    private BotModes() {
    }

    static boolean webhook(ConditionContext context) {
        var beans = context.getBeanFactory();
        return beans != null && beans.containsSingleton(ConfigInitializer.BEAN)
                && beans.getBean(ConfigInitializer.BEAN, BotConfig.class).webhookMode();
    }

    static final class Webhook implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return webhook(context);
        }
    }

    static final class Polling implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !webhook(context);
        }
    }
}
