package dev.cyclebreaker.sandbox.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The sandbox's URLs: the chat page at {@code /}, its script and style, the JSON API under
 * {@code /sandbox/api/}, and the bot's photos under {@code /sandbox/files/}. A functional route,
 * not an annotated controller, so that it exists only when the sandbox wiring registers it.
 */
public final class SandboxRoutes {
    private static final Logger log = LoggerFactory.getLogger(SandboxRoutes.class);

    private SandboxRoutes() {
    }

    public static RouterFunction<ServerResponse> of(SandboxApi api) {
        return RouterFunctions.route()
                .GET("/", page("index.html", MediaType.TEXT_HTML))
                .GET("/sandbox/chat.js", page("chat.js", MediaType.valueOf("text/javascript")))
                .GET("/sandbox/chat.css", page("chat.css", MediaType.valueOf("text/css")))
                // The result card's CJK font, so that Chinese reads right on machines without one.
                .GET("/sandbox/cjk.otf", request -> ServerResponse.ok().contentType(MediaType.valueOf("font/otf"))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                        .body(new ClassPathResource("fonts/NotoSansCJKsc-Regular-subset.otf")))
                .GET("/sandbox/api/state", api::state)
                .GET("/sandbox/api/changes", api::changes)
                .GET("/sandbox/api/chats/{chatId}", api::chat)
                .POST("/sandbox/api/chats/{chatId}/send", api::send)
                .POST("/sandbox/api/chats/{chatId}/press", api::press)
                .POST("/sandbox/api/users/{userId}/language", api::language)
                .POST("/sandbox/api/clock/advance", api::advanceClock)
                .GET("/sandbox/files/{fileId}", api::file)
                .onError(BadRequest.class, (e, request) -> SandboxApi.error(((BadRequest) e).status, e.getMessage()))
                .onError(e -> !(e instanceof BadRequest), (e, request) -> {
                    log.error("sandbox request {} {} failed", request.method(), request.path(), e);
                    return SandboxApi.error(500, "the sandbox failed: " + e.getClass().getSimpleName());
                })
                .build();
    }

    private static HandlerFunction<ServerResponse> page(String file, MediaType type) {
        Resource resource = new ClassPathResource("sandbox/" + file);
        MediaType utf8 = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
        return request -> ServerResponse.ok().contentType(utf8).cacheControl(CacheControl.noCache()).body(resource);
    }
}
