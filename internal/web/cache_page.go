package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// Pages of results — the dashboard, rankings, county profiles, the
// method, robustness, the notice, /confirm — take tens to hundreds of
// milliseconds to compute and draw, and many people read the same ones.
// cachedPage keeps what such a page rendered (its parts, without the
// frame that names the user) under everything its content depends on:
//
//   - the change generation (store.DB.Generation): every change of
//     record — a run's transition or visibility, a re-run, new figures,
//     units, users — moves it, on whichever replica it was made, so the
//     next request of any page computes it afresh;
//   - the language;
//   - the caller's scope: role, unit and department (what auth.Can sees;
//     a county user's page is never another county's or a viewer's), and
//     for pages that list the user's own things (/confirm) the user;
//   - the path and query;
//   - the day in China: some pages judge on it (a month's deadline, a
//     project's contract dates), and no change of record marks midnight.
//
// Checking the generation is one small query a request, which also serves
// the API token cache (authenticate). The parts are kept per scope; the
// whole page, frame included, per user too. Each holds at most
// maxPageBytes, the least recently used dropped first.

// maxPageBytes bounds the page cache of a server: as much again for
// whole pages, which save drawing the frame for each request.
const maxPageBytes = 64 << 20

// pageKey names a cached page.
type pageKey struct {
	gen   int64
	day   string
	lang  locale.Lang
	scope string
	uri   string
}

// pageCapture receives the parts of the page a handler rendered with
// status 200 (see render).
type pageCapture struct{ parts *pageParts }

// pageCache is the rendered pages of a server and the computations under
// way, so that fifty readers of a page just invalidated wait for one
// computation rather than making fifty.
type pageCache struct {
	pages    *lru[pageKey, *pageParts]
	bodies   *lru[bodyKey, *pageBody] // whole pages with their frame, per user
	mu       sync.Mutex
	inflight map[pageKey]*pageCall
}

// bodyKey names a whole cached page: its parts' key and the user whose
// frame it has ("" for anonymous callers). The frame shows the user's
// name and role and her menu, which change only by a change of record.
type bodyKey struct {
	pageKey
	user string
}

type pageCall struct {
	done  chan struct{}
	parts *pageParts // nil when the computation gave no page to keep
}

func newPageCache() *pageCache {
	return &pageCache{pages: newLRU[pageKey, *pageParts](maxPageBytes), bodies: newLRU[bodyKey, *pageBody](maxPageBytes),
		inflight: map[pageKey]*pageCall{}}
}

// cachedPage is s.page(h) for a page whose content depends only on what
// pageKey holds; perUser adds the user to the scope.
func (s *Server) cachedPage(perUser bool, h handlerFunc) http.Handler {
	return s.page(func(w http.ResponseWriter, r *http.Request) error {
		k, err := s.cacheKey(r, perUser)
		if err != nil {
			return err
		}
		pc := s.caches.pages
		bk := bodyKey{k, callerOf(r).user.Username}
		if b, ok := pc.bodies.get(bk); ok {
			b.write(w, r)
			return nil
		}
		if pp, ok := pc.pages.get(k); ok {
			if b := s.writeFrame(w, r, pp); b != nil {
				body := newPageBody(b)
				pc.bodies.put(bk, body, len(body.plain)+len(body.gz))
			}
			return nil
		}
		pc.mu.Lock()
		call, waiting := pc.inflight[k]
		if !waiting {
			call = &pageCall{done: make(chan struct{})}
			pc.inflight[k] = call
		}
		pc.mu.Unlock()
		if waiting {
			select {
			case <-call.done:
				if call.parts != nil {
					s.writeFrame(w, r, call.parts)
					return nil
				}
				return h(w, r) // the first computation failed: try on our own
			case <-r.Context().Done():
				return r.Context().Err()
			}
		}
		c := &pageCapture{}
		defer func() {
			call.parts = c.parts
			if c.parts != nil {
				pc.pages.put(k, c.parts, c.parts.size())
			}
			pc.mu.Lock()
			delete(pc.inflight, k)
			pc.mu.Unlock()
			close(call.done)
		}()
		return h(w, r.WithContext(context.WithValue(r.Context(), captureKey, c)))
	})
}

// cacheKey names what r shows now: see pageKey.
func (s *Server) cacheKey(r *http.Request, perUser bool) (pageKey, error) {
	gen, err := s.generation(r)
	if err != nil {
		return pageKey{}, err
	}
	return pageKey{gen: gen, day: s.now().In(chinaDay).Format(time.DateOnly), lang: pageLang(r),
		scope: scopeKey(callerOf(r), perUser), uri: r.URL.RequestURI()}, nil
}

// scopeKey is what of the caller a page's content may depend on: her
// role, unit and department as auth.Can sees them (anonymous callers see
// what viewers see), and her username when perUser.
func scopeKey(c *caller, perUser bool) string {
	p := c.principal()
	k := string(p.Role) + "\x00" + p.Unit + "\x00" + p.Department
	if perUser {
		k += "\x00" + p.Name
	}
	return k
}

// writeFrame writes kept parts in the frame of the page for r, with 200,
// and returns the whole page (nil when it failed).
func (s *Server) writeFrame(w http.ResponseWriter, r *http.Request, pp *pageParts) []byte {
	p := s.newPage(r, http.StatusOK, nil)
	p.Parts = pp
	var b bytes.Buffer
	if err := pageSets()[p.Lang][pp.Name].ExecuteTemplate(&b, "layout", p); err != nil {
		s.log.ErrorContext(r.Context(), "rendering a page's frame", "name", pp.Name, "err", err)
		http.Error(w, "internal server error", http.StatusInternalServerError)
		return nil
	}
	out := s.inPageLanguage(r, p.Lang, b.Bytes())
	writeHTML(w, out)
	return out
}

// writeHTML writes a whole page with 200.
func writeHTML(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(b)
}

// pageBody is a whole cached page, also gzipped: pages of results are tens
// of kilobytes of repetitive HTML, a fifth of that compressed, and every
// browser accepts it.
type pageBody struct{ plain, gz []byte }

func newPageBody(plain []byte) *pageBody {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	zw.Write(plain)
	zw.Close()
	return &pageBody{plain: plain, gz: b.Bytes()}
}

// write sends the page, gzipped when the client accepts it.
func (pb *pageBody) write(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Vary", "Accept-Encoding")
	body := pb.plain
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = pb.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// acceptsGzip reports whether Accept-Encoding lists gzip (and not with
// q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// genCell holds the change generation of one request once read.
type genCell struct {
	once sync.Once
	n    int64
	err  error
}

// generation returns the database's change generation, read once per
// request (authenticate puts the cell in the context).
func (s *Server) generation(r *http.Request) (int64, error) {
	c, ok := r.Context().Value(genKey).(*genCell)
	if !ok {
		return s.db.Generation(r.Context())
	}
	c.once.Do(func() { c.n, c.err = s.db.Generation(r.Context()) })
	return c.n, c.err
}
