package disttest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/gm"
	"github.com/qiangxian/qiangxian/internal/ssotest"
)

const version = "0.0.0-installtest"

// buildArchive runs scripts/dist.sh for linux/amd64 into dir and returns
// the archive's path.
func buildArchive(t *testing.T, dir string) string {
	t.Helper()
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("the install test runs the amd64 binary: linux/amd64 only")
	}
	if _, err := os.Stat("../web/static/vendor/echarts.min.js"); err != nil && os.Getenv("CI") != "true" {
		t.Skip("front-end assets missing (npm ci && scripts/assets.sh); CI builds them")
	}
	start := time.Now()
	cmd := exec.Command("bash", "../../scripts/dist.sh", version)
	cmd.Env = append(os.Environ(), "DIST_ARCHES=amd64", "DIST_OUT="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("dist.sh: %v\n%s", err, out)
	}
	t.Logf("dist.sh (amd64 only) took %s", time.Since(start).Round(time.Second))
	return filepath.Join(dir, "qiangxian-"+version+"-linux-amd64.tar.gz")
}

// checkSums compares the archive with SHA256SUMS and SM3SUMS beside it.
func checkSums(t *testing.T, archive string) {
	t.Helper()
	b, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	sha := sha256.Sum256(b)
	base := filepath.Base(archive)
	for file, sum := range map[string]string{"SHA256SUMS": hex.EncodeToString(sha[:]), "SM3SUMS": gm.SM3Hex(b)} {
		list, err := os.ReadFile(filepath.Join(filepath.Dir(archive), file))
		if err != nil {
			t.Fatal(err)
		}
		if want := sum + "  " + base + "\n"; string(list) != want {
			t.Errorf("%s = %q, want %q", file, list, want)
		}
	}
}

// extract unpacks the archive under dir and returns the names it held.
func extract(t *testing.T, archive, dir string) []string {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(h.Name, "..") {
			t.Fatalf("archive member %q leaves its folder", h.Name)
		}
		names = append(names, h.Name)
		p := filepath.Join(dir, h.Name)
		if h.Typeflag == tar.TypeDir {
			os.MkdirAll(p, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		w, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY, os.FileMode(h.Mode))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, tr); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	return names
}

// selfSigned writes a certificate for 127.0.0.1 and its key.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "server.crt"), filepath.Join(dir, "server.key")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// cookieRecorder keeps every Set-Cookie the server sent.
type cookieRecorder struct {
	next    http.RoundTripper
	cookies []string
}

func (c *cookieRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err == nil {
		c.cookies = append(c.cookies, resp.Header.Values("Set-Cookie")...)
	}
	return resp, err
}

// TestInstallArchive is the Done-when test of issue 23.
func TestInstallArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release archive")
	}
	dir := t.TempDir()
	archive := buildArchive(t, filepath.Join(dir, "dist"))
	checkSums(t, archive)
	root := filepath.Join(dir, "root")
	names := extract(t, archive, filepath.Join(root, "opt"))
	top := "qiangxian-" + version + "-linux-amd64/"
	for _, want := range []string{"qiangxian", "qiangxian.service", "qiangxian.toml", "nginx-qiangxian.conf", "运维手册.md", "LICENSE"} {
		found := false
		for _, n := range names {
			found = found || n == top+want
		}
		if !found {
			t.Errorf("archive lacks %s: %v", want, names)
		}
	}
	// Install as the guide says: binary, config, data folder.
	unpacked := filepath.Join(root, "opt", top)
	bin := filepath.Join(root, "usr/local/bin/qiangxian")
	conf := filepath.Join(root, "etc/qiangxian/qiangxian.toml")
	data := filepath.Join(root, "var/lib/qiangxian")
	for _, d := range []string{filepath.Dir(bin), filepath.Dir(conf), data} {
		os.MkdirAll(d, 0o750)
	}
	for from, to := range map[string]string{"qiangxian": bin, "qiangxian.toml": conf} {
		b, err := os.ReadFile(filepath.Join(unpacked, from))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(to, b, 0o755)
	}
	if out, err := exec.Command(bin, "version").Output(); err != nil || string(out) != "qiangxian "+version+"\n" {
		t.Fatalf("version: %q %v", out, err)
	}
	certFile, keyFile, pool := selfSigned(t, filepath.Join(root, "etc/qiangxian"))
	idp := ssotest.NewOIDC(t, "qiangxian", "s3cret")
	idp.SetUser("zhang", nil)
	addr, metrics := freePort(t), freePort(t)
	public := "https://" + addr
	// The example config as shipped, with what differs on this machine set
	// through the environment (as a systemd drop-in would).
	env := append(os.Environ(),
		"QIANGXIAN_CONFIG="+conf,
		"QIANGXIAN_DB="+filepath.Join(data, "qiangxian.db"),
		"QIANGXIAN_ADDR="+addr,
		"QIANGXIAN_TLS_CERT="+certFile, "QIANGXIAN_TLS_KEY="+keyFile,
		"QIANGXIAN_TRUST_PROXY=false",
		"QIANGXIAN_METRICS_ADDR="+metrics,
		"QIANGXIAN_ADMIN_PASSWORD=Install-Test-2026!",
		"QIANGXIAN_PUBLIC_URL="+public,
		"QIANGXIAN_OIDC_ISSUER="+idp.Issuer, "QIANGXIAN_OIDC_CLIENT_ID=qiangxian", "QIANGXIAN_OIDC_CLIENT_SECRET=s3cret",
	)
	run := func(args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("qiangxian %v: %v\n%s", args, err, out)
		}
	}
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("Gansu-Pass-2024\n"), 0o600)
	run("migrate")
	run("user", "add", "zhang", "--role", "analyst", "--password-file", pw)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "serve")
	srv.Env = env
	var logs bytes.Buffer
	srv.Stdout, srv.Stderr = &logs, &logs
	srv.Cancel = func() error { return srv.Process.Signal(syscall.SIGTERM) }
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
		if t.Failed() {
			t.Logf("server output:\n%s", logs.String())
		}
	}()

	rec := &cookieRecorder{next: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Transport: rec, Jar: jar, Timeout: 20 * time.Second}
	for i := 0; ; i++ {
		resp, err := browser.Get(public + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				if resp.TLS == nil || resp.Header.Get("Strict-Transport-Security") == "" {
					t.Errorf("healthz over TLS without HSTS: %v", resp.Header)
				}
				break
			}
		}
		if i > 300 || ctx.Err() != nil {
			t.Fatalf("server not ready: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// Sign on through the provider and read the home page.
	resp, err := browser.Get(public + "/login/oidc?next=/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.String() != public+"/" {
		t.Fatalf("after sign-on: %d at %s: %.300s", resp.StatusCode, resp.Request.URL, page)
	}
	if !strings.Contains(string(page), "zhang") {
		t.Errorf("home page does not name the signed-on user: %.500s", page)
	}
	secure := false
	for _, c := range rec.cookies {
		if strings.HasPrefix(c, "qx_session=") && c != "qx_session=" {
			secure = strings.Contains(c, "; Secure") && strings.Contains(c, "HttpOnly")
		}
	}
	if !secure {
		t.Errorf("session cookie not Secure and HttpOnly: %v", rec.cookies)
	}

	// The metrics listener saw the sign-on.
	mresp, err := http.Get("http://" + metrics + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := io.ReadAll(mresp.Body)
	mresp.Body.Close()
	for _, want := range []string{"qiangxian_ready 1", `route="GET /login/oidc/callback",code="3xx"`} {
		if !strings.Contains(string(m), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if idp.Tokens != 1 {
		t.Errorf("the provider issued %d ID tokens, want 1", idp.Tokens)
	}
}
