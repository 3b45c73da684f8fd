package org.huzhu.platform;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** Amounts travel as plain decimal strings ("6827.00"): no client turns them into binary floats. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer decimalsAsPlainStrings() {
        return builder -> builder.serializerByType(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(value.toPlainString());
            }
        });
    }

    /** Request bodies answered with every field that cannot be read, not only the first. */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper mapper) {
        return new FieldByFieldJsonConverter(mapper);
    }

    /**
     * A key sent twice is refused rather than the last one silently winning, no text field
     * takes characters a person cannot see ({@link VisibleText}) or more than its limit
     * ({@link TextLimit}), and a number is no yes or no; each answers with the field.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictText() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(String.class, new VisibleStringDeserializer(TextLimit.DEFAULT))
                .deserializerByType(BigDecimal.class, new DecimalDeserializer(false))
                // "isOffDay": 123 is a mistake, not a yes
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Boolean)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** Thrown for a text value with invisible characters; the path names the field. */
    static final class InvisibleCharactersException extends JsonMappingException {
        InvisibleCharactersException(JsonParser parser) {
            super(parser, VisibleText.MESSAGE);
        }
    }

    /** Thrown by a deserializer that knows better than the target type what the value should look like. */
    static final class ExpectedFormatException extends MismatchedInputException {

        private final String expected;

        ExpectedFormatException(JsonParser parser, Class<?> type, String expected) {
            super(parser, expected, type);
            this.expected = expected;
        }

        String expected() {
            return expected;
        }
    }

    /** Jackson's decimals, except that a {@link Proportion} that cannot be read says so. */
    private static final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal>
            implements ContextualDeserializer {

        private final boolean proportion;

        DecimalDeserializer(boolean proportion) {
            super(BigDecimal.class);
            this.proportion = proportion;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean isProportion = property != null && property.getAnnotation(Proportion.class) != null;
            return isProportion == proportion ? this : new DecimalDeserializer(isProportion);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            } catch (MismatchedInputException e) {
                if (!proportion) {
                    throw e;
                }
                throw new ExpectedFormatException(parser, BigDecimal.class, ProblemResponses.PROPORTION);
            }
        }
    }

    /** Thrown for a text value longer than its field takes ({@link TextLimit}); the path names the field. */
    static final class TextTooLongException extends JsonMappingException {

        private final int limit;

        TextTooLongException(JsonParser parser, int limit) {
            super(parser, "longer than " + limit);
            this.limit = limit;
        }

        int limit() {
            return limit;
        }
    }

    /**
     * Text with nothing invisible in it, and in what a request sends ({@link #REQUEST}), no
     * longer than the field's {@link TextLimit}. Text the app stored itself is read back as it
     * is: a limit set later must not make an older row unreadable.
     */
    static final class VisibleStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

        /** The attribute of a reading of request input, under which text limits hold. */
        static final Object REQUEST = VisibleStringDeserializer.class.getName() + ".request";

        private final int limit;

        VisibleStringDeserializer(int limit) {
            super(String.class);
            this.limit = limit;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            TextLimit declared = property == null ? null : property.getAnnotation(TextLimit.class);
            int wanted = declared == null ? TextLimit.DEFAULT : declared.value();
            return wanted == limit ? this : new VisibleStringDeserializer(wanted);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !VisibleText.isClean(text)) {
                throw new InvisibleCharactersException(parser);
            }
            if (text != null && text.length() > limit && context.getAttribute(REQUEST) != null) {
                throw new TextTooLongException(parser, limit);
            }
            return text;
        }
    }
}
