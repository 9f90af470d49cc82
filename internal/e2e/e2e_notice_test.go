package e2e

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/seed"
)

// TestNoticeDocument opens the public notice of the demo's published run
// (no login): the page shows the document's text — the example issuing
// body and its registered 文号 — and the PDF that the page links to has A4
// pages, rendered to PNG beside the page's screenshot in the artifacts.
func TestNoticeDocument(t *testing.T) {
	ctx := Browser(t)
	pdftoppm := RequireTool(t, "pdftoppm", "poppler-utils")
	s := demo(t)
	run, _ := first(t, s)
	q := "?run=" + strconv.FormatInt(run.ID, 10)
	Open(t, ctx, s.URL+"/notice"+q, 1366)
	dir := Artifacts(t)
	Screenshot(t, ctx, dir, "notice-document-1366")
	if n := Count(t, ctx, "#notice-text"); n != 1 {
		t.Fatalf("%d notice texts on /notice", n)
	}
	res, err := http.Get(s.URL + "/notice.pdf" + q)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("/notice.pdf: %d %v", res.StatusCode, err)
	}
	file := filepath.Join(dir, "notice-2022.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(pdftoppm, "-r", "40", "-png", file, filepath.Join(dir, "notice-2022-page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "notice-2022-page-*.png"))
	// Three pages of text at least, and the overall ranking of 86 counties
	// and five type tables after it.
	if len(pngs) < 8 {
		t.Errorf("%d pages rendered", len(pngs))
	}
	if out, err := exec.Command("pdftotext", file, "-").Output(); err == nil &&
		(!strings.Contains(string(out), seed.DemoIssuer) || !strings.Contains(string(out), "示例〔2023〕1号")) {
		t.Errorf("the PDF lacks the issuing body or the 文号:\n%.400s", out)
	}
}
