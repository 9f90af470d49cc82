package web

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/qiangxian/qiangxian/internal/notice"
)

func init() {
	registerUI(map[string][2]string{
		"pdf.unavailable": {"PDF 暂不可用", "PDF unavailable"},
		"pdf.noChromium": {"服务器未安装 Chromium，无法生成 PDF。请打开通报页面，用浏览器的“打印”另存为 PDF，或下载 Excel 版本。",
			"Chromium is not installed on the server, so no PDF can be made. Open the notice and print it to PDF from the browser, or download the Excel version."},
		"pdf.noFont": {"服务器缺少通报所用的 TrueType 中文字体（Debian：apt-get install fonts-arphic-gbsn00lp，或以 QIANGXIAN_NOTICE_FONT 指定），无法生成 PDF/OFD。请下载 Word 版本。",
			"The server lacks the notice's TrueType Chinese font (Debian: apt-get install fonts-arphic-gbsn00lp, or set QIANGXIAN_NOTICE_FONT), so no PDF/OFD can be made. Download the Word version."},
		"pdf.busy": {"正在生成其他 PDF，请稍后再试。", "Other PDFs are being made; try again shortly."},
	})
}

// ChromiumPath returns the headless browser that prints PDFs:
// $QIANGXIAN_CHROMIUM when it names a file, else chromium,
// chromium-browser or google-chrome on PATH; "" when there is none (the
// server then answers /notice.pdf with 503 and a note).
func ChromiumPath() string {
	if p, ok := os.LookupEnv("QIANGXIAN_CHROMIUM"); ok {
		if _, err := os.Stat(p); err != nil {
			return ""
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ChromiumOptions are the flags Chromium runs with, here and in the
// browser tests: headless, as root (no sandbox), without GPU, and without
// the background connections it would try to make on a closed network,
// with a profile of its own in userDataDir.
func ChromiumOptions(exe, userDataDir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.Headless,
		chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(userDataDir), chromedp.WindowSize(1366, 900),
	}
}

// pdfSlots bounds the Chromium processes printing at once.
var pdfSlots = make(chan struct{}, 2)

// noticePDF is GET /notice.pdf: the notice (?run=, else the latest
// published) as a PDF written in Go from the same document model as
// /notice.docx — GB/T 9704 geometry, the notice font embedded so that the
// text reads back, no browser and no web assets involved. Access as
// noticeTarget says; without the font the answer is a 503 page that says
// what to do instead.
func (s *Server) noticePDF(w http.ResponseWriter, r *http.Request) error {
	run, err := s.noticeTarget(r)
	if err != nil {
		return err
	}
	ft, ok := s.noticeFont(w, r)
	if !ok {
		return nil
	}
	d, err := s.noticeDoc(r.Context(), run)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := notice.WritePDFFaces(&b, d, s.noticeFaces(ft)); err != nil {
		return err
	}
	return sendFile(w, "application/pdf", "notice-"+run.Period+".pdf", b.Bytes())
}

// facesLogged makes the log say once per process which faces of GB/T 9704
// the PDFs set in the body font for want of a TrueType font.
var facesLogged sync.Once

// noticeFaces are the fonts of the notice's PDF by face (notice.LoadFaces):
// those installed, the others set in ft, which the log says once.
func (s *Server) noticeFaces(ft *notice.Font) notice.Faces {
	fs, missing := notice.LoadFaces(ft)
	if len(missing) > 0 {
		facesLogged.Do(func() {
			names := make([]string, len(missing))
			for i, f := range missing {
				names[i] = string(f)
			}
			s.log.Info("notice PDF: no TrueType font for some faces; they are set in the body font",
				"faces", strings.Join(names, ","), "body", notice.FontPath(),
				"install", "fonts-droid-fallback (黑体), fonts-arphic-gkai00mp (楷体)")
		})
	}
	return fs
}

// noticeFont loads the TrueType font of the notice's PDF and OFD; without
// one it answers 503 with a page saying what to install, and false.
func (s *Server) noticeFont(w http.ResponseWriter, r *http.Request) (*notice.Font, bool) {
	lang := pageLang(r)
	path := notice.FontPath()
	ft, err := notice.LoadFont(path)
	if path == "" || err != nil {
		if err != nil && path != "" {
			s.logError(r, "notice font", err)
		}
		s.render(w, r, http.StatusServiceUnavailable, "error", errorView{Status: http.StatusServiceUnavailable,
			Title: ui(lang, "pdf.unavailable"), Message: ui(lang, "pdf.noFont")})
		return nil, false
	}
	return ft, true
}

// servePDF prints path?query (plus print=1 and the page language) from this
// server to PDF with headless Chromium and sends it as the attachment
// filename. The page is loaded over the connection's own local address
// with the caller's session or token, so that the PDF shows exactly what
// she may see. Without Chromium the answer is a 503 page whose message is
// the UI string noChromium; at most len(pdfSlots) prints run at once.
func (s *Server) servePDF(w http.ResponseWriter, r *http.Request, path string, query url.Values, filename, noChromium string) error {
	lang := pageLang(r)
	exe := ChromiumPath()
	if exe == "" {
		s.render(w, r, http.StatusServiceUnavailable, "error", errorView{Status: http.StatusServiceUnavailable,
			Title: ui(lang, "pdf.unavailable"), Message: ui(lang, noChromium)})
		return nil
	}
	select {
	case pdfSlots <- struct{}{}:
		defer func() { <-pdfSlots }()
	default:
		w.Header().Set("Retry-After", "10")
		s.render(w, r, http.StatusServiceUnavailable, "error", errorView{Status: http.StatusServiceUnavailable,
			Title: ui(lang, "pdf.unavailable"), Message: ui(lang, "pdf.busy")})
		return nil
	}
	local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return fmt.Errorf("%s: no local address", filename)
	}
	base := "http://" + local.String()
	query.Set("print", "1")
	query.Set("lang", string(lang))
	pdf, err := printPDF(r.Context(), exe, base, base+path+"?"+query.Encode(), r)
	if err != nil {
		return fmt.Errorf("%s: %w", filename, err)
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(filename))
	w.Write(pdf)
	return nil
}

// printPDF loads page in a fresh headless Chromium with the caller's
// credentials (her session cookie, or her API token as a header), waits
// for app.js to have drawn it, and prints it on A4.
func printPDF(ctx context.Context, exe, base, page string, r *http.Request) ([]byte, error) {
	dir, err := os.MkdirTemp("", "qiangxian-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 90*time.Second)
	defer cancel()
	actx, cancelA := chromedp.NewExecAllocator(ctx, ChromiumOptions(exe, dir)...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	steps := []chromedp.Action[chromedp.Void]{}
	if c, err := r.Cookie(SessionCookie); err == nil {
		httpOnly := true
		steps = append(steps, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: SessionCookie, Value: c.Value,
				URL: base + "/", HTTPOnly: &httpOnly, SameSite: network.CookieSameSiteLax})
			return err
		}))
	}
	if h := r.Header.Get("Authorization"); h != "" {
		steps = append(steps, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{
				Headers: network.Headers{"Authorization": h}})
			return err
		}))
	}
	steps = append(steps, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)))
	if err := chromedp.Do(bctx, steps...); err != nil {
		return nil, err
	}
	return chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFMargin(0.5),
		chromedp.PDFPrintBackground()))
}
