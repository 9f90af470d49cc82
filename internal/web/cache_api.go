package web

import (
	"bytes"
	"net/http"
)

// cachedAPI is s.api(h) for a read of the JSON API whose answer depends
// only on what a page of cachedPage(true, …) does — the change generation,
// the day, the language, the caller and the path and query — and that
// costs milliseconds of database work: it keeps the answers with status
// 200 (maxPageBytes in all), so that a client polling the ledger's
// metrics or its scheduling view between changes reads them from memory.
// Unlike pages, concurrent first reads each compute: the reads it serves
// cost tens of milliseconds at most.
func (s *Server) cachedAPI(h handlerFunc) http.Handler {
	return s.api(func(w http.ResponseWriter, r *http.Request) error {
		k, err := s.cacheKey(r, true)
		if err != nil {
			return err
		}
		if b, ok := s.caches.answers.get(k); ok {
			b.write(w)
			return nil
		}
		rec := &answerRecorder{ResponseWriter: w}
		if err := h(rec, r); err != nil {
			return err
		}
		if rec.status == http.StatusOK {
			b := &answer{contentType: rec.Header().Get("Content-Type"), body: rec.body.Bytes()}
			s.caches.answers.put(k, b, len(b.body)+len(b.contentType))
		}
		return nil
	})
}

// answer is a kept answer of the API.
type answer struct {
	contentType string
	body        []byte
}

func (a *answer) write(w http.ResponseWriter) {
	w.Header().Set("Content-Type", a.contentType)
	w.WriteHeader(http.StatusOK)
	w.Write(a.body)
}

// answerRecorder passes an answer through and keeps a copy.
type answerRecorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (r *answerRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *answerRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}
