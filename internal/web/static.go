package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"strings"
	"sync"
)

// The pages' static assets: app.css, app.js, and ECharts and the Noto Sans
// SC font in vendor/ when
// scripts/assets.sh has copied it there from node_modules (the folder is
// not in git; without it the binary builds all the same and the pages show
// tables instead of charts). Nothing is ever loaded from another host.
//
//go:embed static
var staticFS embed.FS

var (
	staticRoot = mustSub(staticFS, "static")
	// staticVersion changes whenever any asset does: asset URLs carry it
	// (?v=…), so that browsers may keep them for a year. It hashes every
	// asset (megabytes with ECharts and the font), so on first use rather
	// than at start: a command-line run never needs it.
	staticVersion = sync.OnceValue(func() string { return hashFS(staticRoot) })
	// hasECharts says whether the ECharts bundle is built in.
	hasECharts = fileExists(staticRoot, "vendor/echarts.min.js")
	// hasFonts says whether the Noto Sans SC web font is built in (for
	// readers whose system has no Chinese font).
	hasFonts = fileExists(staticRoot, "vendor/fonts/noto-sans-sc.css")
)

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

func fileExists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

// hashFS hashes the names and contents of every file of fsys.
func hashFS(fsys fs.FS) string {
	h := sha256.New()
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		h.Write([]byte(p + "\x00"))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// staticURL is the address of an asset, with the assets' version.
func staticURL(name string) string {
	return "/static/" + strings.TrimPrefix(name, "/") + "?v=" + staticVersion()
}

// staticGet serves the embedded assets. A request with the current version
// may be cached for a year (the URL changes with the content); others for
// an hour.
func (s *Server) staticGet() http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(staticRoot))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			s.pageError(w, r, notFound(r.URL.Path)) // no directory listings
			return
		}
		if r.URL.Query().Get("v") == staticVersion() {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=3600")
		}
		files.ServeHTTP(w, r)
	})
}
