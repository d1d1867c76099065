// SPDX-License-Identifier: Apache-2.0
package dev.tailor.bench.spark;

import dev.tailor.core.data.CsrMatrix;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's implicit ALS on a Tailor weight matrix: the matrix's nonzeros become Spark's (user, item, rating)
 * rows, so both engines see the very same confidences, and the learned factors come back as flat row-major
 * tables that Tailor's {@code AlsModel} can score.
 *
 * <p>Spark's {@code regParam} is not Tailor's {@code reg}: Spark scales it by the number of ratings of each row
 * (ALS-WR, Zhou et al. 2008), Tailor uses the plain lambda of Hu et al. The caller passes each its own value.
 */
final class SparkAls {
    private final SparkSession spark;

    SparkAls(SparkSession spark) {
        this.spark = spark;
    }

    /** The input as a Spark DataFrame; built before the clock starts, as a Spark user would load a table. */
    Dataset<Row> frame(CsrMatrix m) {
        List<Row> rows = new ArrayList<>(m.nnz());
        for (int u = 0; u < m.rows(); u++) {
            for (int n = m.rowStart(u); n < m.rowEnd(u); n++) {
                rows.add(RowFactory.create(u, m.col(n), m.value(n)));
            }
        }
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("rating", DataTypes.FloatType, false);
        return spark.createDataFrame(rows, schema);
    }

    /** Trains; Spark's fit materializes both factor tables before returning, so the clock around it is honest. */
    ALSModel fit(Dataset<Row> ratings, int rank, int iterations, double regParam, double alpha, long seed) {
        return new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations).setRegParam(regParam)
                .setAlpha(alpha).setSeed(seed).setUserCol("user").setItemCol("item").setRatingCol("rating")
                .fit(ratings);
    }

    /** One factor table as {@code rows x rank} floats; rows Spark never saw (no ratings) stay zero. */
    static float[] table(Dataset<Row> factors, int rows, int rank) {
        float[] out = new float[rows * rank];
        for (Row r : factors.collectAsList()) {
            int id = r.getInt(0);
            List<Object> f = r.getList(1);
            for (int k = 0; k < rank; k++) {
                out[id * rank + k] = ((Number) f.get(k)).floatValue();
            }
        }
        return out;
    }
}
