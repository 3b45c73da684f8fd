package org.huzhu.platform;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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
}
