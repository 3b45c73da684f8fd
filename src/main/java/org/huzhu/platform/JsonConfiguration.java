package org.huzhu.platform;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    /**
     * A key sent twice is refused rather than the last one silently winning, no text field
     * takes characters a person cannot see ({@link VisibleText}), and a number is no yes or
     * no; each answers with the field.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictText() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(String.class, new VisibleStringDeserializer())
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

    private static final class VisibleStringDeserializer extends StdScalarDeserializer<String> {

        VisibleStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !VisibleText.isClean(text)) {
                throw new InvisibleCharactersException(parser);
            }
            return text;
        }
    }
}
