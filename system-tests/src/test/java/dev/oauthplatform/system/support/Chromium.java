package dev.oauthplatform.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, driven by its own chromedriver (no driver download). */
public final class Chromium {

	/** The admin console's pages. */
	public static final Path CONSOLE_SCREENSHOTS = Path.of("..", "admin-ui", "target", "screenshots");

	/** auth-server's pages, the ones end users see. */
	public static final Path AUTH_SERVER_SCREENSHOTS = Path.of("..", "auth-server", "target", "screenshots");

	private Chromium() {
	}

	public static WebDriver start() {
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-dev-shm-usage", "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

	/**
	 * Clicks a link or button that loads another page, and waits until the old one is gone. While
	 * the page changes, Chromium may answer a question about the old element with "node does not
	 * belong to the document" rather than "stale": both mean it is gone.
	 */
	public static void press(WebDriver driver, WebElement element) {
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until((ignored) -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (WebDriverException gone) {
				return true;
			}
		});
	}

	/** Saves what the browser shows as admin-ui/target/screenshots/{name}.png, at 1280 px and at phone width. */
	public static void screenshot(WebDriver driver, String name) {
		screenshot(driver, CONSOLE_SCREENSHOTS, name);
	}

	/** Saves what the browser shows as {directory}/{name}.png, at 1280 px and at phone width. */
	public static void screenshot(WebDriver driver, Path directory, String name) {
		try {
			Files.createDirectories(directory);
			save(driver, directory, name);
			Dimension desktop = driver.manage().window().getSize();
			driver.manage().window().setSize(new Dimension(390, 844));
			save(driver, directory, name + "-phone");
			driver.manage().window().setSize(desktop);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void save(WebDriver driver, Path directory, String name) throws IOException {
		Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
