package dev.consentry.devstack;

import dev.consentry.events.Topics;
import dev.consentry.example.partner.ExampleCarrier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: PostgreSQL, a Kafka broker, the three services, the example carrier, and a seeded
 * demo tenant ({@code shop-a}, with {@code shop-b} beside it to show isolation). Ctrl-C stops everything.
 * <p>
 * Run through {@code ./consentry-local}; the tokens it prints are also written to {@code .consentry-local/tokens.env}.
 */
public final class LocalPlatform implements AutoCloseable {

    /** An OTLP endpoint (gRPC, e.g. http://localhost:4317) to send the services' traces to; no tracing without it. */
    public static final String OTLP_ENDPOINT_ENV = "CONSENTRY_OTLP_ENDPOINT";

    public static final List<String> SERVICES = List.of("consent-service", "dsr-service", "audit-service");
    public static final String DEMO_RECIPIENT = "swift-shipping";
    /** The privacy officer's web console, started after the services on the port after theirs. */
    public static final String CONSOLE = "privacy-console";
    /** The demo officers the development identity provider offers the console. */
    public static final List<DevIdentityProvider.Person> OFFICERS = List.of(
            new DevIdentityProvider.Person("shop-a-dpo", "Nguyễn Thu Hà", "shop-a", "dpo-shop-a", List.of("dpo"), Map.of()),
            new DevIdentityProvider.Person("shop-a-auditor", "Trần Minh Quân", "shop-a", "auditor-shop-a", List.of("auditor"), Map.of()),
            new DevIdentityProvider.Person("shop-b-dpo", "Lê Văn Bình", "shop-b", "dpo-shop-b", List.of("dpo"), Map.of()));
    /** The console's client at the development identity provider. */
    public static final String CONSOLE_CLIENT = "consentry-console";
    /** The demo customers the development identity provider offers the privacy center (subject role). */
    public static final List<DevIdentityProvider.Person> CUSTOMERS = List.of(
            new DevIdentityProvider.Person("shop-a-customer", "Phạm Thị Lan", "shop-a", "cust-lan", List.of("subject"), Map.of()));
    /** The privacy center's client (customers) at the development identity provider. */
    public static final String CENTER_CLIENT = "consentry-privacy-center";

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final DevTokens tokens = new DevTokens();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private final Map<String, Integer> ports;
    private DevIdentityProvider identityProvider;
    private DemoShop demoShop;
    private ExampleCarrier carrier;
    private MailEcho mailEcho;

    private LocalPlatform(PostgresServer postgres, KafkaServer kafka, Map<String, Integer> ports) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.ports = ports;
    }

    /**
     * Starts everything from the built service jars under {@code repoRoot}; logs and tokens.env go to {@code workDir};
     * {@code basePort} 8081 gives consent 8081, dsr 8082, audit 8083.
     */
    public static LocalPlatform start(Path repoRoot, Path workDir, int basePort) throws Exception {
        return start(repoRoot, workDir, basePort, Map.of());
    }

    /**
     * As {@link #start(Path, Path, int)}, with extra environment variables per service name (e.g. a test runs the
     * retention schedule every second).
     */
    public static LocalPlatform start(Path repoRoot, Path workDir, int basePort, Map<String, Map<String, String>> extraEnv)
            throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            ports.put(SERVICES.get(i), basePort + i);
            requireFree(basePort + i);
        }
        Path logDir = Files.createDirectories(workDir.resolve("logs"));
        Console.say("Starting PostgreSQL and Kafka...");
        LocalPlatform platform = new LocalPlatform(PostgresServer.start(false), KafkaServer.start(), ports);
        try {
            // the demo partner's topics exist from the start, as the Helm chart creates a partner's topics
            platform.kafka.createTopic(Topics.partnerNotices(DEMO_RECIPIENT));
            platform.kafka.createTopic(Topics.partnerReplies(DEMO_RECIPIENT));
            platform.startServices(repoRoot, logDir, extraEnv);
            platform.seedDemoTenant();
            platform.startConsole(repoRoot, logDir, basePort + SERVICES.size(), basePort + SERVICES.size() + 1);
            platform.startDemoShop(basePort + SERVICES.size() + 2);
            platform.carrier = new ExampleCarrier(platform.kafka.bootstrapServers(), DEMO_RECIPIENT).start();
            platform.writeTokens(workDir.resolve("tokens.env"));
            return platform;
        } catch (Exception e) {
            platform.close();
            throw e;
        }
    }

    private void startServices(Path repoRoot, Path logDir, Map<String, Map<String, String>> extraEnv) throws Exception {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        String secret = HexFormat.of().formatHex(seed);
        byte[] keyEncryptionKey = new byte[32];
        new SecureRandom().nextBytes(keyEncryptionKey);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String receiptsKey = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
        KeyPair checkpointKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        for (String name : SERVICES) {
            Database db = postgres.database("consentry_" + name.replace("-service", ""));
            Map<String, String> env = new LinkedHashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl(),
                    "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", db.user(),
                    "QUARKUS_DATASOURCE_PASSWORD", db.password(),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "QUARKUS_OIDC_PUBLIC_KEY", tokens.publicKey(),
                    "CONSENTRY_PSEUDONYMIZATION_SECRET", secret,
                    "CONSENTRY_VAULT_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(keyEncryptionKey)));
            // what a production start requires (the services refuse to start without them): the accepted token
            // audience and the keys that sign evidence, generated for this run
            env.put("QUARKUS_OIDC_TOKEN_AUDIENCE", DevTokens.AUDIENCE);
            if (name.equals("consent-service")) {
                env.put("CONSENTRY_RECEIPTS_SIGNING_KEY", receiptsKey);
            }
            if (name.equals("audit-service")) {
                env.put("CONSENTRY_AUDIT_CHECKPOINT_KEY_PRIVATE_KEY", Base64.getEncoder().encodeToString(checkpointKey.getPrivate().getEncoded()));
                env.put("CONSENTRY_AUDIT_CHECKPOINT_KEY_PUBLIC_KEY", Base64.getEncoder().encodeToString(checkpointKey.getPublic().getEncoded()));
            }
            if (name.equals("dsr-service")) {
                // one-time codes are not mailed locally: the mock mailer prints them to the dsr-service log
                env.put("QUARKUS_MAILER_MOCK", "true");
                // a webhook partner tried locally may listen on plain http
                env.put("CONSENTRY_DSR_WEBHOOKS_ALLOW_HTTP", "true");
            }
            // readable logs here (production writes JSON lines); traces only when asked for
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            String otlp = System.getenv(OTLP_ENDPOINT_ENV);
            if (otlp != null && !otlp.isBlank()) {
                env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
                env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", otlp.trim());
            }
            env.putAll(extraEnv.getOrDefault(name, Map.of()));
            Console.say("Starting %s on port %d (log: %s)", name, ports.get(name), logDir.resolve(name + ".log"));
            services.add(ServiceProcess.start(repoRoot, name, ports.get(name), env, logDir));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
        }
        mailEcho = MailEcho.follow(logDir.resolve("dsr-service.log"));
    }

    /**
     * Starts the development identity provider and the privacy console, which signs officers in through it with the
     * authorization code flow, as it does through the shop's provider in production.
     */
    private void startConsole(Path repoRoot, Path logDir, int port, int identityProviderPort) throws Exception {
        requireFree(port);
        requireFree(identityProviderPort);
        List<DevIdentityProvider.Person> people = new java.util.ArrayList<>(OFFICERS);
        people.addAll(CUSTOMERS);
        identityProvider = DevIdentityProvider.start(identityProviderPort, tokens, people, 30);
        String clientSecret = randomHex(32);
        identityProvider.register(new DevIdentityProvider.Client(CONSOLE_CLIENT, clientSecret, "http://localhost:" + port + "/",
                OFFICERS.stream().map(DevIdentityProvider.Person::login).toList()));
        String centerSecret = randomHex(32);
        identityProvider.register(new DevIdentityProvider.Client(CENTER_CLIENT, centerSecret, "http://localhost:" + port + "/me",
                CUSTOMERS.stream().map(DevIdentityProvider.Person::login).toList()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("CONSENTRY_CONSENT_URL", "http://localhost:" + ports.get("consent-service"));
        env.put("CONSENTRY_DSR_URL", "http://localhost:" + ports.get("dsr-service"));
        env.put("CONSENTRY_AUDIT_URL", "http://localhost:" + ports.get("audit-service"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", identityProvider.url());
        env.put("QUARKUS_OIDC_CLIENT_ID", CONSOLE_CLIENT);
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", clientSecret);
        env.put("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", randomHex(32));
        env.put("CONSENTRY_CONSOLE_CSRF_KEY", randomHex(32));
        // the privacy center: customers sign in through a client of their own
        env.put("QUARKUS_OIDC_CUSTOMER_TENANT_ENABLED", "true");
        env.put("QUARKUS_OIDC_CUSTOMER_AUTH_SERVER_URL", identityProvider.url());
        env.put("QUARKUS_OIDC_CUSTOMER_CLIENT_ID", CENTER_CLIENT);
        env.put("QUARKUS_OIDC_CUSTOMER_CREDENTIALS_SECRET", centerSecret);
        env.put("QUARKUS_OIDC_CUSTOMER_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", randomHex(32));
        env.put("CONSENTRY_CONSOLE_CENTER_JURISDICTION", "VN");
        Console.say("Starting %s on port %d (log: %s)", CONSOLE, port, logDir.resolve(CONSOLE + ".log"));
        ServiceProcess console = ServiceProcess.start(repoRoot, CONSOLE, port, env, logDir);
        services.add(console);
        ports.put(CONSOLE, port);
        console.awaitReady(Duration.ofMinutes(2));
    }

    /** The demo storefront page with the consent banner, for shop-a. */
    private void startDemoShop(int port) throws IOException {
        requireFree(port);
        demoShop = DemoShop.start(port, "shop-a", "http://localhost:" + ports.get("consent-service"),
                () -> tokens.issue("shop-a", "storefront-shop-a", "storefront"));
    }

    /** The demo storefront (its URL, the policy violations it was told of). */
    public DemoShop demoShop() {
        return demoShop;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The console's URL. */
    public String consoleUrl() {
        return "http://localhost:" + ports.get(CONSOLE);
    }

    /** The development identity provider's URL. */
    public String identityProviderUrl() {
        return identityProvider.url();
    }

    /** A token of this run's issuer, e.g. for a test acting as the storefront next to the console. */
    public String token(String tenant, String subject, String role) {
        return tokens.issue(tenant, subject, role);
    }

    /** The last one-time code the mock mailer wrote to dsr-service's log for {@code email}, if any. */
    public java.util.Optional<String> lastMailedCode(String email) throws IOException {
        return MailEcho.lastCode(logDirOf("dsr-service").resolve("dsr-service.log"), email);
    }

    private Path logDirOf(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow().log().getParent();
    }

    private void seedDemoTenant() throws IOException, InterruptedException {
        String dpo = tokens.issue("shop-a", "dpo-shop-a", "dpo");
        String consent = "http://localhost:" + ports.get("consent-service");
        post(consent + "/v1/purposes", dpo, """
                {"id":"marketing-email","legalBasis":"consent","optional":true,"dataCategories":["email","name"],
                 "names":{"en":"E-mail marketing","vi":"Tiếp thị qua e-mail","ko":"이메일 마케팅"},
                 "descriptions":{"en":"News and offers from the shop by e-mail, at most once a week.",
                                 "vi":"Tin tức và ưu đãi của cửa hàng qua e-mail, tối đa mỗi tuần một lần.",
                                 "ko":"상점의 소식과 혜택을 이메일로 받습니다(주 1회 이하)."}}""");
        post(consent + "/v1/purposes", dpo, """
                {"id":"analytics-cookies","legalBasis":"consent","optional":true,"consentModeTypes":["analytics_storage"],
                 "names":{"en":"Analytics cookies","vi":"Cookie phân tích","ko":"분석 쿠키"},
                 "descriptions":{"en":"Counting visits and clicks to improve the shop; no advertising.",
                                 "vi":"Đếm lượt truy cập và nhấp chuột để cải thiện cửa hàng; không dùng cho quảng cáo.",
                                 "ko":"상점 개선을 위해 방문과 클릭을 집계합니다. 광고에는 쓰지 않습니다."}}""");
        post(consent + "/v1/purposes", dpo, """
                {"id":"ad-sharing","legalBasis":"consent","optional":true,"saleOrSharing":true,
                 "consentModeTypes":["ad_storage","ad_user_data","ad_personalization"],
                 "names":{"en":"Sharing with advertising partners","vi":"Chia sẻ với đối tác quảng cáo","ko":"광고 파트너와 공유"},
                 "descriptions":{"en":"Your visits are shared with advertising partners to show you their ads elsewhere.",
                                 "vi":"Lượt truy cập của bạn được chia sẻ với đối tác quảng cáo để hiển thị quảng cáo ở nơi khác.",
                                 "ko":"방문 정보를 광고 파트너와 공유하여 다른 곳에서 광고를 보여 줍니다."}}""");
        post(consent + "/v1/purposes", dpo, """
                {"id":"order-fulfilment","legalBasis":"contract","optional":false,"recipients":["%s"],
                 "dataCategories":["name","phone","shippingAddress"],
                 "names":{"en":"Order fulfilment","vi":"Thực hiện đơn hàng","ko":"주문 이행"},
                 "descriptions":{"en":"Delivering what you order: your name, phone and address go to the carrier.",
                                 "vi":"Giao hàng bạn đặt: tên, số điện thoại và địa chỉ được chuyển cho đơn vị vận chuyển.",
                                 "ko":"주문하신 상품 배송: 이름, 전화번호, 주소가 배송업체에 전달됩니다."}}""".formatted(DEMO_RECIPIENT));
        // the platform admin registers the carrier once for the installation; the shop links it into its registry
        String dsr = "http://localhost:" + ports.get("dsr-service");
        post(dsr + "/v1/partners", tokens.issue(null, "platform-admin", "platform-admin"), """
                {"id":"%s","name":"Swift Shipping Co.","kafkaPrincipal":"User:%s"}""".formatted(DEMO_RECIPIENT, DEMO_RECIPIENT));
        post(dsr + "/v1/recipients", dpo, """
                {"partnerId":"%s","name":"Swift Shipping Co.","kind":"shipping_carrier",
                 "dataCategories":["shippingAddress","phone","name"],"replyWithinDays":5}""".formatted(DEMO_RECIPIENT));
        seedDemoRequests(dsr, dpo);
        seedDemoCustomer(consent, dsr, dpo);
    }

    /**
     * The privacy center's demo customer: agreed to e-mail marketing and analytics at sign-up; the carrier received
     * their address with their first order; shop-a publishes its privacy contact.
     */
    private void seedDemoCustomer(String consent, String dsr, String dpo) throws IOException, InterruptedException {
        String storefront = tokens.issue("shop-a", "storefront-shop-a", "storefront");
        String customer = CUSTOMERS.get(0).subject();
        post(consent + "/v1/consents", storefront, """
                {"subjectId":"%s","decisions":[{"purposeId":"marketing-email","decision":"given"},
                 {"purposeId":"analytics-cookies","decision":"given"}],"method":"checkbox","channel":"web",
                 "collectionPoint":"signup","language":"vi"}""".formatted(customer));
        post(dsr + "/v1/disclosures", storefront, """
                {"subjectId":"%s","recipientId":"%s","categories":["name","phone","shippingAddress"],"basis":"contract",
                 "disclosedAt":"%s","purpose":"order-fulfilment"}""".formatted(customer, DEMO_RECIPIENT,
                java.time.Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        put(dsr + "/v1/privacy-contact", dpo, """
                {"controllerName":"Shop A Co., Ltd.","controllerAddress":"12 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh",
                 "contactName":"Privacy team","contactEmail":"privacy@shop-a.example","contactPhone":"+84 28 1234 5678",
                 "openingHours":"Mon-Fri 9:00-17:00 (ICT)","complaintChannel":"https://shop-a.example/privacy/complaints"}""");
    }

    /**
     * Work for the console's queue: shop-a promises answers within 5 days (stricter than the law), and a letter
     * received a week ago was entered by the officer — overdue on the shop's promise, still within the law's month.
     */
    private void seedDemoRequests(String dsr, String dpo) throws IOException, InterruptedException {
        put(dsr + "/v1/settings", dpo, """
                {"slaHours":120}""");
        java.time.Instant weekAgo = java.time.Instant.now().minus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        post(dsr + "/v1/requests", dpo, """
                {"type":"access","subjectId":"cust-letter","jurisdiction":"EU","receivedAt":"%s"}""".formatted(weekAgo));
    }

    private static void put(String url, String token, String json) throws IOException, InterruptedException {
        send("PUT", url, token, json);
    }

    private static void post(String url, String token, String json) throws IOException, InterruptedException {
        send("POST", url, token, json);
    }

    /** A seeding call; done (2xx) or already there from an earlier seed (409), anything else stops the start. */
    private static void send(String method, String url, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
            throw new IllegalStateException("seeding " + url + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** Demo tokens for each role, valid 12 hours, keyed by their variable name in tokens.env. */
    public Map<String, String> demoTokens() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("STOREFRONT_TOKEN", tokens.issue("shop-a", "storefront-shop-a", List.of("storefront"), 720));
        t.put("SUBJECT_TOKEN", tokens.issue("shop-a", "cust-1", List.of("subject"), 720));
        t.put("DPO_TOKEN", tokens.issue("shop-a", "dpo-shop-a", List.of("dpo"), 720));
        t.put("AUDITOR_TOKEN", tokens.issue("shop-a", "auditor-shop-a", List.of("auditor"), 720));
        t.put("ADMIN_TOKEN", tokens.issue("shop-a", "admin", List.of("platform-admin"), 720));
        t.put("SHOP_B_AUDITOR_TOKEN", tokens.issue("shop-b", "auditor-shop-b", List.of("auditor"), 720));
        return t;
    }

    private void writeTokens(Path file) throws IOException {
        StringBuilder env = new StringBuilder("# Demo tokens of this local run (tenant shop-a; one auditor of shop-b).\n");
        ports.forEach((name, port) -> env.append(name.equals(CONSOLE) ? "CONSOLE" : name.toUpperCase().replace("-SERVICE", "")).append("=http://localhost:")
                .append(port).append('\n'));
        demoTokens().forEach((name, token) -> env.append(name).append('=').append(token).append('\n'));
        Files.writeString(file, env.toString());
    }

    /** A running service: its process (for RSS), port and the start time Quarkus reported (NaN if unknown). */
    public record RunningService(String name, long pid, int port, double startSeconds) {
    }

    public List<RunningService> runningServices() {
        return services.stream().map(s -> new RunningService(s.name(), s.pid(), s.port(),
                s.reportedStartSeconds().orElse(Double.NaN))).toList();
    }

    /**
     * Restarts one service while the others keep running and returns the seconds from launching its JVM until its
     * readiness check passes (database reachable, Kafka consumers assigned). {@link #runningServices()} then shows the
     * new process and the start time Quarkus reported for it.
     */
    public double restartAlone(String name) throws Exception {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                int startsBefore = services.get(i).reportedStarts().size();
                services.get(i).close();
                long t0 = System.nanoTime(); // from the launch: stopping the previous run is not part of the start
                ServiceProcess restarted = services.get(i).startAgain();
                services.set(i, restarted);
                restarted.awaitReady(Duration.ofMinutes(3));
                double readySeconds = (System.nanoTime() - t0) / 1e9;
                // readiness can pass a moment before the log has the new start's "started in" line: wait for it, so
                // that reportedStartSeconds() is this start's and not the previous one's
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (restarted.reportedStarts().size() <= startsBefore && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                return readySeconds;
            }
        }
        throw new IllegalArgumentException("no service " + name);
    }

    /**
     * Kills one service at once (kill -9) while the others keep running, starts it again and waits until it is ready;
     * returns the seconds from the kill until then.
     */
    public double killAndRestart(String name) throws Exception {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                long t0 = System.nanoTime();
                ServiceProcess restarted = services.get(i).killAndRestart();
                services.set(i, restarted);
                restarted.awaitReady(Duration.ofMinutes(3));
                return (System.nanoTime() - t0) / 1e9;
            }
        }
        throw new IllegalArgumentException("no service " + name);
    }

    /**
     * Starts one more instance of each named service on its port — the same database, broker and settings, as a second
     * replica of a Deployment — and returns once all are ready (their consumers then share the groups' partitions).
     */
    public void startReplicas(Map<String, Integer> portByService) throws Exception {
        List<ServiceProcess> started = new ArrayList<>();
        for (Map.Entry<String, Integer> e : portByService.entrySet()) {
            requireFree(e.getValue());
            ServiceProcess first = services.stream().filter(s -> s.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no service " + e.getKey()));
            started.add(first.replica(e.getValue()));
        }
        replicas.addAll(started);
        for (ServiceProcess replica : started) {
            replica.awaitReady(Duration.ofMinutes(3));
        }
    }

    /** As {@link #startReplicas(Map)} for one service. */
    public void startReplica(String name, int port) throws Exception {
        startReplicas(Map.of(name, port));
    }

    /** Stops the replicas {@link #startReplicas} started. */
    public void stopReplicas() {
        replicas.forEach(ServiceProcess::stop);
        replicas.forEach(ServiceProcess::close);
        replicas.clear();
    }

    /** A database on the platform's PostgreSQL server (created if missing), e.g. for a baseline next to the services. */
    public Database database(String name) throws java.sql.SQLException {
        return postgres.database(name);
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public int port(String service) {
        return ports.get(service);
    }

    @Override
    public void close() {
        if (mailEcho != null) {
            mailEcho.stop();
        }
        stopReplicas();
        services.forEach(ServiceProcess::stop);
        services.forEach(ServiceProcess::close);
        if (identityProvider != null) {
            identityProvider.close();
        }
        if (demoShop != null) {
            demoShop.close();
        }
        try {
            if (carrier != null) {
                carrier.close();
            }
            postgres.close();
            // Last: the in-process broker's shutdown may end the JVM at once when it runs inside a shutdown hook.
            kafka.close();
        } catch (Exception e) {
            Console.say("While stopping: %s", e.getClass().getSimpleName());
        }
    }

    /** A port taken by an earlier run would send the demo tokens to the wrong services: say so plainly instead. */
    private static void requireFree(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use: is another ./consentry-local still running? "
                    + "Stop it, or choose other ports with JAVA_TOOL_OPTIONS=-Dconsentry.base-port=9081");
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("consentry.home", ".")).toAbsolutePath().normalize();
        int basePort = Integer.parseInt(System.getProperty("consentry.base-port", "8081"));
        LocalPlatform platform;
        try {
            platform = start(root, root.resolve(".consentry-local"), basePort);
        } catch (IllegalStateException e) {
            Console.say("Consentry did not start: %s", e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Console.say("%nStopping Consentry...");
            platform.close();
            Console.say("Stopped. Nothing is left running.");
        }));
        Console.say("%nConsentry is running.");
        platform.ports.forEach((name, port) -> {
            if (!name.equals(CONSOLE)) {
                Console.say("  %-16s http://localhost:%d  (Swagger UI: /q/swagger-ui)", name, port);
            }
        });
        Console.say("  privacy console  %s  (sign in as a demo officer of shop-a or shop-b)", platform.consoleUrl());
        Console.say("  privacy center   %s/me  (sign in as shop-a's demo customer)", platform.consoleUrl());
        Console.say("  demo shop        %s  (a storefront page with the consent banner)", platform.demoShop().url());
        Console.say("  identity provider %s (development only: pick a demo person, no password)", platform.identityProviderUrl());
        Console.say("  Kafka            %s", platform.kafka.bootstrapServers());
        Console.say("  example partner  %s (answers every notice; see example-partner/README.md)", DEMO_RECIPIENT);
        Console.say("%nDemo tokens (also in .consentry-local/tokens.env; load them with: set -a; . .consentry-local/tokens.env; set +a):");
        platform.demoTokens().forEach((name, token) -> Console.say("%s=%s", name, token));
        Console.say("%nPress Ctrl-C to stop everything.");
        Thread.currentThread().join();
    }
}
