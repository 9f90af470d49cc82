package web

import (
	"sync"

	"github.com/qiangxian/qiangxian/internal/geomap"
	"github.com/qiangxian/qiangxian/internal/gridmap"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/method"
)

// caches is everything a Server keeps in memory between requests. It
// belongs to the server, not to the package (pkgsite's rule), so that two
// servers in one process — tests, or two databases — share nothing: run
// numbers of one database mean nothing in another. Every cache is bounded.
//
// Two kinds of things are kept. What never changes once made — a method
// version, a run's recomputed model, its county analyses and robustness
// (a run's inputs are fixed when it is made, whatever its state), the
// rows of a published run (resultCache) — is kept by id without any
// check. What depends on the state of the database — rendered pages, the
// API's answers, the ledger's tallies, API tokens and sessions — is kept with the change generation it was computed
// at (see cache_page.go and cache_auth.go).
type caches struct {
	methods    *lru[int64, *method.Method] // method id → the parsed method
	runModels  memo[int64, *runModel]      // run id → its model
	robustness memo[int64, *robustness]    // run id → its rank intervals
	analyses   memo[unitKey, *countyAnalysis]
	tallies    memo[talliesKey, *invest.Tallies] // the ledger's metrics (invest_metrics_memo.go)
	grid       gridCache
	geo        geoCache
	pages      *pageCache
	answers    *lru[pageKey, *answer] // answers of the JSON API (cache_api.go)
	callers    *authCache             // API tokens and sessions (cache_auth.go)
	sample     sampleFlag             // whether the database holds demonstration data (page.go)
	english    englishNames           // the methods' names in English (page_english_names.go)
}

// maxMethods bounds the parsed methods a server keeps.
const maxMethods = 256

func newCaches() *caches {
	return &caches{methods: newLRU[int64, *method.Method](maxMethods), pages: newPageCache(),
		answers: newLRU[pageKey, *answer](maxPageBytes), callers: newAuthCache()}
}

// gridCache is the tile layout, computed again only when the counties
// change (key: their codes, prefectures and names).
type gridCache struct {
	mu     sync.Mutex
	key    string
	layout gridmap.Layout
}

// geoCache is the uploaded boundary map projected for drawing, computed
// again only when the stored map's hash changes.
type geoCache struct {
	mu   sync.Mutex
	hash string
	proj *geomap.Projected
}
