// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.search;

import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Full-text retrieval over item titles, brands, categories and descriptions with Lucene's BM25, Chinese- and
 * English-aware: Chinese text is indexed twice, segmented into words by the SmartChinese analyzer (precise) and
 * as CJK bigrams (robust when the segmenter splits a query differently from a title); English text is stemmed
 * (Porter, via the English analyzer). A query is analyzed per field and the fields' matches are summed, so one
 * box serves "手机壳" and "phone case" alike. In memory; rebuilt at start from the catalog and updated on every
 * item upsert, searchable from the next search. Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {
    static final String ID = "id";
    static final String INDEX = "ci";
    static final String ZH = "zh";
    static final String CJK = "cjk";
    static final String EN = "en";
    static final String DESCRIPTION_ZH = "desc_zh";
    static final String DESCRIPTION_EN = "desc_en";

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final QueryBuilder zh;
    private final QueryBuilder cjk;
    private final QueryBuilder en;

    public SearchIndex() {
        Analyzer smart = new SmartChineseAnalyzer();
        Analyzer bigrams = new CJKAnalyzer();
        Analyzer english = new EnglishAnalyzer();
        analyzer = new PerFieldAnalyzerWrapper(english, Map.of(ZH, smart, CJK, bigrams, DESCRIPTION_ZH, smart,
                EN, english, DESCRIPTION_EN, english));
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new TailorException("cannot create the search index: " + e.getMessage(), e);
        }
        zh = new QueryBuilder(smart);
        cjk = new QueryBuilder(bigrams);
        en = new QueryBuilder(english);
    }

    /**
     * Indexes (or re-indexes) items under their catalog indices.
     *
     * @param indices catalog index of each item, aligned with {@code items}
     */
    public void upsert(Collection<Item> items, int[] indices) {
        int k = 0;
        try {
            for (Item item : items) {
                writer.updateDocument(new Term(ID, item.id()), document(item, indices[k++]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index items", e);
        }
        dirty.set(true);
    }

    static Document document(Item item, int catalogIndex) {
        Document d = new Document();
        d.add(new StringField(ID, item.id(), Field.Store.NO));
        d.add(new NumericDocValuesField(INDEX, catalogIndex));
        String chinese = chineseTitle(item);
        String english = englishTitle(item);
        String context = (item.brand() == null ? "" : item.brand() + " ")
                + String.join(" ", item.categoryPath()) + " " + String.join(" ", item.tags());
        if (chinese != null) {
            d.add(new TextField(ZH, chinese, Field.Store.NO));
            d.add(new TextField(CJK, chinese, Field.Store.NO));
        }
        d.add(new TextField(EN, (english == null ? "" : english + " ") + context, Field.Store.NO));
        if (!item.description().isEmpty()) {
            boolean zhDescription = hasHan(item.description());
            d.add(new TextField(zhDescription ? DESCRIPTION_ZH : DESCRIPTION_EN, item.description(),
                    Field.Store.NO));
        }
        return d;
    }

    private static String chineseTitle(Item item) {
        if ("zh".equals(language(item))) {
            return item.title();
        }
        return item.localizedTitles().get("zh");
    }

    private static String englishTitle(Item item) {
        if (!"zh".equals(language(item))) {
            return item.title();
        }
        return item.localizedTitles().get("en");
    }

    private static String language(Item item) {
        if (item.language() != null) {
            return item.language().startsWith("zh") ? "zh" : item.language();
        }
        return hasHan(item.title()) ? "zh" : "en";
    }

    /** Whether the text contains Han characters (Chinese). */
    static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The query a text turns into: per-field analyzed clauses, summed. Empty when no clause has a term. */
    Query query(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += add(b, zh.createBooleanQuery(ZH, text), 1.0f);
        clauses += add(b, cjk.createBooleanQuery(CJK, text), 0.6f);
        clauses += add(b, en.createBooleanQuery(EN, text), 1.0f);
        clauses += add(b, zh.createBooleanQuery(DESCRIPTION_ZH, text), 0.2f);
        clauses += add(b, en.createBooleanQuery(DESCRIPTION_EN, text), 0.2f);
        return clauses == 0 ? null : b.build();
    }

    private static int add(BooleanQuery.Builder b, Query q, float boost) {
        if (q == null) {
            return 0;
        }
        b.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        return 1;
    }

    /**
     * The best matches for a text.
     *
     * @param items receives catalog indices, best first
     * @param scores receives BM25 scores
     * @return how many were written (at most the arrays' length)
     */
    public int search(String text, int[] items, float[] scores) {
        Query q = query(text);
        if (q == null || items.length == 0) {
            return 0;
        }
        try {
            if (dirty.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(q, items.length);
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                int n = 0;
                for (ScoreDoc sd : top.scoreDocs) {
                    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                    NumericDocValues ci = leaf.reader().getNumericDocValues(INDEX);
                    if (ci != null && ci.advanceExact(sd.doc - leaf.docBase)) {
                        items[n] = (int) ci.longValue();
                        scores[n] = sd.score;
                        n++;
                    }
                }
                return n;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** Documents in the index (after the pending refresh). */
    public int size() {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        }
    }
}
