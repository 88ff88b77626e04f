package dev.cyclebreaker.config;

import dev.cyclebreaker.conversation.BotIdentity;
import dev.cyclebreaker.conversation.Engine;
import dev.cyclebreaker.conversation.Event;
import dev.cyclebreaker.conversation.SharedResult;
import dev.cyclebreaker.conversation.SharedResults;
import dev.cyclebreaker.conversation.TransientFailure;
import dev.cyclebreaker.i18n.Lang;
import dev.cyclebreaker.i18n.Texts;
import dev.cyclebreaker.sharing.ResultCards;
import dev.cyclebreaker.sharing.ResultPage;
import dev.cyclebreaker.sharing.ShareTokens;
import java.net.URI;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Only with {@code PUBLIC_BASE_URL}: {@code GET /r/<token>} serves the shared result as a small page
 * with Open Graph tags, {@code GET /r/<token>.png} its card picture; anything else under
 * {@code /r/} is 404. Deleted links (/forget) disappear within the minute the answers may be cached.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ResultPagesWiring.Enabled.class)
class ResultPagesWiring {
    static final String PREFIX = "/r/";
    private static final String PNG = ".png";
    /** Short: a link deleted with /forget must stop showing soon. */
    private static final String CACHED = "public, max-age=60";
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var beans = context.getBeanFactory();
            return beans != null && beans.containsSingleton(ConfigInitializer.BEAN)
                    && beans.getBean(ConfigInitializer.BEAN, BotConfig.class).publicBaseUrl() != null;
        }
    }

    @Bean
    RouterFunction<ServerResponse> resultPages(BotConfig config, SharedResults shares, Engine engine, ResultCards cards,
            Texts texts, Announcement ready) {
        Pages pages = new Pages(config.publicBaseUrl(), shares, engine, cards, new ResultPage(texts),
                new BotIdentity(ready.botUsername()));
        return RouterFunctions.route().GET(PREFIX + "{name}", pages::serve).build();
    }

    private record Pages(URI base, SharedResults shares, Engine engine, ResultCards cards, ResultPage page,
            BotIdentity bot) {
        ServerResponse serve(ServerRequest request) {
            String name = request.pathVariable("name");
            boolean picture = name.endsWith(PNG);
            String token = picture ? name.substring(0, name.length() - PNG.length()) : name;
            Lang lang = request.param("lang").flatMap(Lang::fromCode)
                    .orElseGet(() -> ResultPage.language(request.headers().firstHeader("Accept-Language")));
            Optional<SharedResult> shared;
            try {
                shared = ShareTokens.isWellFormed(token) ? shares.find(token) : Optional.empty();
            } catch (TransientFailure e) {
                return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").build();
            }
            if (shared.isEmpty()) {
                return headers(ServerResponse.status(HttpStatus.NOT_FOUND), "no-store")
                        .contentType(HTML).body(page.gone(lang, bot.chatLink()));
            }
            SharedResult r = shared.get();
            if (picture) {
                byte[] png = cards.png(engine.card(lang, r.profile()));
                return headers(ServerResponse.ok(), CACHED).contentType(MediaType.IMAGE_PNG).body(png);
            }
            String self = base + PREFIX + token;
            ResultPage.Links links = new ResultPage.Links(self, self + PNG + "?lang=" + lang.code(),
                    bot.deepLink(Event.Command.RESULT_LINK + token));
            return headers(ServerResponse.ok(), CACHED).contentType(HTML).body(page.html(lang, r.profile(), r.sharerName(), links));
        }

        private static ServerResponse.BodyBuilder headers(ServerResponse.BodyBuilder b, String cacheControl) {
            return b.header("Cache-Control", cacheControl)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                    .header("Vary", "Accept-Language");
        }
    }
}
