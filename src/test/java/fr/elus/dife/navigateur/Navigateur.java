package fr.elus.dife.navigateur;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Selenium, logged into the Camunda webapps. */
public class Navigateur implements AutoCloseable {

  private static final Path CAPTURES = Path.of("target", "captures");

  private final Path profil;
  private final ChromeDriver pilote;
  private final String base;

  public Navigateur(int port) throws IOException {
    this.base = "http://localhost:" + port;
    this.profil = Files.createTempDirectory("chromium-dife");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    // the machine's network is closed: without these, Chromium keeps trying Google's hosts
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=fr-FR", "--user-data-dir=" + profil);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    this.pilote = new ChromeDriver(service, options);
  }

  public ChromeDriver pilote() {
    return pilote;
  }

  public WebDriverWait attente() {
    return new WebDriverWait(pilote, Duration.ofSeconds(20));
  }

  public void ouvrir(String chemin) {
    pilote.get(base + chemin);
  }

  public void connecter(String application, String utilisateur, String motDePasse) {
    ouvrir("/camunda/app/" + application + "/default/");
    WebElement identifiant = attente().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model=username]")));
    identifiant.sendKeys(utilisateur);
    pilote.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(motDePasse);
    pilote.findElement(By.cssSelector("button[type=submit]")).click();
    attente().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  public WebElement visible(String css) {
    return attente().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public WebElement cliquable(String css) {
    return attente().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
  }

  /** Saves a PNG under target/captures and returns its path. */
  public Path capture(String nom) throws IOException {
    Files.createDirectories(CAPTURES);
    Path fichier = CAPTURES.resolve(nom + ".png");
    Files.copy(pilote.getScreenshotAs(OutputType.FILE).toPath(), fichier, StandardCopyOption.REPLACE_EXISTING);
    return fichier;
  }

  @Override
  public void close() throws IOException {
    pilote.quit();
    try (Stream<Path> fichiers = Files.walk(profil)) {
      fichiers.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
