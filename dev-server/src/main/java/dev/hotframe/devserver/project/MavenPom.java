package dev.hotframe.devserver.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What Hotframe reads from a Maven project's {@code pom.xml} itself, without running Maven: the
 * Java release it compiles for, and a fingerprint of the pom and its local parents that changes
 * whenever they do. The classpath needs Maven's resolver: see {@link MavenClasspath}.
 */
public final class MavenPom {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_PARENTS = 10;

    private final Path file;
    private final List<Path> files;
    private final List<Document> chain;
    private final String fingerprint;

    private MavenPom(Path file, List<Path> files, List<Document> chain, String fingerprint) {
        this.file = file;
        this.files = files;
        this.chain = chain;
        this.fingerprint = fingerprint;
    }

    /** Reads {@code pom} and the parents found at their {@code relativePath}; throws {@link ProjectException} when it cannot. */
    public static MavenPom read(Path pom) {
        List<Document> chain = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        MessageDigest digest = sha256();
        Path current = pom.toAbsolutePath().normalize();
        for (int depth = 0; current != null && depth < MAX_PARENTS; depth++) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(current);
            } catch (IOException e) {
                throw new ProjectException(current + ": cannot read: " + e.getMessage());
            }
            digest.update(bytes);
            Document document = parse(current, bytes);
            chain.add(document);
            files.add(current);
            current = localParent(current, document.getDocumentElement());
        }
        return new MavenPom(pom.toAbsolutePath().normalize(), List.copyOf(files), List.copyOf(chain), HexFormat.of().formatHex(digest.digest()));
    }

    public Path file() {
        return file;
    }

    /** The pom and the local parent poms it inherits from, nearest first. */
    public List<Path> files() {
        return files;
    }

    /** Changes whenever the pom or one of its local parent poms changes. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The release the project compiles for: the compiler plugin's {@code <release>}, else the
     * {@code maven.compiler.release} property, else {@code maven.compiler.target} ("1.8" is 8).
     */
    public OptionalInt release() {
        Map<String, String> properties = properties();
        for (Document pom : chain) {
            String release = compilerSetting(pom.getDocumentElement(), "release");
            if (release != null) {
                return number(interpolate(release, properties));
            }
        }
        for (String name : List.of("maven.compiler.release", "maven.compiler.target", "maven.compiler.source")) {
            if (properties.containsKey(name)) {
                return number(interpolate(properties.get(name), properties));
            }
        }
        return OptionalInt.empty();
    }

    /** The properties of the pom and its parents, the nearest definition winning. */
    Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Element block = child(chain.get(i).getDocumentElement(), "properties");
            if (block != null) {
                for (Node n = block.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        properties.put(e.getTagName(), e.getTextContent().strip());
                    }
                }
            }
        }
        return properties;
    }

    private static String compilerSetting(Element project, String name) {
        Element build = child(project, "build");
        if (build == null) {
            return null;
        }
        List<Element> blocks = new ArrayList<>();
        blocks.add(child(build, "plugins"));
        Element management = child(build, "pluginManagement");
        blocks.add(management == null ? null : child(management, "plugins"));
        for (Element plugins : blocks) {
            if (plugins == null) {
                continue;
            }
            for (Node n = plugins.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element plugin && "maven-compiler-plugin".equals(text(child(plugin, "artifactId")))) {
                    Element configuration = child(plugin, "configuration");
                    String value = configuration == null ? null : text(child(configuration, name));
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    private static String interpolate(String value, Map<String, String> properties) {
        String result = value;
        for (int i = 0; i < 5 && result.contains("${"); i++) {
            Matcher m = PROPERTY.matcher(result);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
            }
            m.appendTail(out);
            result = out.toString();
        }
        return result;
    }

    private static OptionalInt number(String release) {
        String value = release.startsWith("1.") ? release.substring(2) : release;
        try {
            return OptionalInt.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The parent pom on disk, when the pom has a parent and it is where {@code relativePath} says. */
    private static Path localParent(Path pom, Element project) {
        Element parent = child(project, "parent");
        if (parent == null) {
            return null;
        }
        String relative = text(child(parent, "relativePath"));
        if (relative != null && relative.isEmpty()) {
            return null;
        }
        Path candidate = pom.getParent().resolve(relative == null ? "../pom.xml" : relative).normalize();
        if (Files.isDirectory(candidate)) {
            candidate = candidate.resolve("pom.xml");
        }
        if (!Files.isRegularFile(candidate)) {
            return null;
        }
        try {
            Element other = parse(candidate, Files.readAllBytes(candidate)).getDocumentElement();
            return text(child(parent, "artifactId")) != null && text(child(parent, "artifactId")).equals(text(child(other, "artifactId")))
                    ? candidate : null;
        } catch (IOException | ProjectException e) {
            return null;
        }
    }

    private static Document parse(Path file, byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors become exceptions, not lines on stderr
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new ProjectException(file + ": not a readable pom: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new ProjectException(file + ": cannot parse: " + e.getMessage());
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
