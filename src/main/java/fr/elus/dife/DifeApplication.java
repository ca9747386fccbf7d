package fr.elus.dife;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DifeApplication {

  public static void main(String[] args) {
    SpringApplication.run(DifeApplication.class, args);
  }
}
