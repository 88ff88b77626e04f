package dev.cyclebreaker;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point. Wiring only: the features live in their packages. */
@SpringBootApplication
public class Application {
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(Application.class, args);
    }
}
